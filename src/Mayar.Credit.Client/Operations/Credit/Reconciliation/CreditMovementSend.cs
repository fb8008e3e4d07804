using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>One credit movement's run through <see cref="CreditMovementReconciler"/>: resume, send, check, record.</summary>
internal sealed class CreditMovementSend
{
    private readonly CreditMovementReconciler _owner;
    private readonly MayarTransport _transport;
    private readonly MayarOperation _operation;
    private readonly ICreditMovementSteps _movement;
    private readonly CreditJournal? _journal;
    private readonly string? _key;
    private readonly IMayarTraceListener? _trace;
    private readonly CancellationToken _stop;
    private readonly CancellationToken _inFlight;
    private CreditMovementCheck? _checker;

    // This send's first attempt: local time, and the journal's record of it.
    private DateTimeOffset? _sentLocal;
    private CreditJournalSend? _recorded;

    public CreditMovementSend(CreditMovementReconciler owner, MayarTransport transport, MayarOperation operation, ICreditMovementSteps movement, CreditJournal? journal, string? key, IMayarTraceListener? trace, CancellationToken stop, CancellationToken inFlight)
    {
        _owner = owner;
        _transport = transport;
        _operation = operation;
        _movement = movement;
        _journal = key is null ? null : journal;
        _key = key;
        _trace = trace;
        _stop = stop;
        _inFlight = inFlight;
    }

    private MayarServerClock Clock => _transport.ServerClock;

    // Only a failure needs the history: the success path allocates nothing for it.
    private CreditMovementCheck History => _checker ??= new CreditMovementCheck(_transport, _owner.Claims, _journal, _movement, _trace);

    public async Task<object> RunAsync()
    {
        if (_journal is not null && _journal.Find(_key!) is { } row)
        {
            _journal.Check(Record(row.Send.SentAt, row.Send.ClockUncertainty));
            switch (row.Status)
            {
                case CreditJournalStatus.Done:
                    _owner.Claims.Add(_movement.Account, CreditJournalClaims.From(_journal, row.Send, row.Outcome!));
                    return _movement.FromJournal(row.Outcome!);
                case CreditJournalStatus.Unknown:
                    throw FromJournalUnknown(row);
                case CreditJournalStatus.Sent:
                    if (await ResumeAsync(row.Send).ConfigureAwait(false) is { } resumed)
                    {
                        return resumed;
                    }

                    break;
            }
        }

        for (var sends = 1; ; sends++)
        {
            _stop.ThrowIfCancellationRequested();
            _sentLocal = null;
            _recorded = null;
            MayarApiException failure;
            try
            {
                var payload = await _transport.SendAsync(_operation, _trace, _inFlight, _stop, OnSending).ConfigureAwait(false);
                var result = _operation.ReadResult(payload);
                Complete(result, Array.Empty<string>());
                return result;
            }
            catch (MayarApiException ex) when (ex.MayHaveBeenProcessed)
            {
                failure = ex;
                failure.RepeatAnswer = _operation.RepeatAnswer;
                failure.Attempts = sends;
            }
            catch (MayarApiException ex)
            {
                // Refused (validation, insufficient credit, ...) or certainly not sent: nothing moved.
                RecordOutcome(CreditJournalStatus.NotApplied, "the API refused it: " + ex.ErrorId);
                throw;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw Stopped();
            }

            var verdict = await History.RunAsync(CreditSendMoment.Local(_sentLocal ?? DateTimeOffset.UtcNow), _owner.SettleDelay, _inFlight, _stop).ConfigureAwait(false);
            var described = CreditMovementReconciler.Describe(failure);
            Trace(described, verdict);
            switch (verdict.Outcome)
            {
                case CreditMatchOutcome.Found:
                    return Reconciled(verdict);
                case CreditMatchOutcome.Ambiguous:
                    throw Unknown(failure, "The answer was lost (" + described + ") and " + verdict.Why + ".", verdict);
            }

            // Not applied, so sending it again cannot move credit twice: once more while the retry budget lasts.
            var last = _stop.IsCancellationRequested || sends > _transport.RetryPolicy.MaxRetries;
            RecordOutcome(CreditJournalStatus.NotApplied, "the credit history shows it was not applied (" + described + ")" + (last ? string.Empty : "; sent once more"));
            if (last)
            {
                failure.NotApplied = true;
                throw failure;
            }
        }
    }

    // A row an earlier process sent and never finished: the history decides; only "not applied" lets it be sent.
    private async Task<object?> ResumeAsync(CreditJournalSend earlier)
    {
        var verdict = await History.RunAsync(CreditSendMoment.Server(earlier.SentAt, earlier.ClockUncertainty), _owner.SettleDelay, _inFlight, _stop).ConfigureAwait(false);
        const string described = "an earlier run sent it and stopped before its outcome was recorded";
        Trace(described, verdict);
        _recorded = earlier;
        switch (verdict.Outcome)
        {
            case CreditMatchOutcome.Found:
                return Reconciled(verdict);
            case CreditMatchOutcome.Ambiguous:
                var failure = new MayarApiException(MayarErrorKind.OutcomeUnknown, null, null, null, null, _operation.Method.Method, _operation.Path, null);
                throw Unknown(failure, "An earlier run sent it and stopped before its outcome was recorded, and " + verdict.Why + ".", verdict);
            default:
                RecordOutcome(CreditJournalStatus.NotApplied, "an earlier run sent it and stopped; the credit history shows it was not applied");
                return null;
        }
    }

    // Found in the history: done, with the entries it matched as its claim.
    private object Reconciled(CreditHistoryVerdict verdict)
    {
        var reconciled = _movement.Reconciled(verdict.Entries);
        Complete(reconciled, EntryIds(verdict.Entries));
        return reconciled;
    }

    private void OnSending()
    {
        if (_sentLocal is not null)
        {
            return;
        }

        _sentLocal = DateTimeOffset.UtcNow;
        if (_journal is not null)
        {
            _recorded = Record(Clock.ToServer(_sentLocal.Value), Clock.Uncertainty);
            _journal.RecordSent(_recorded);
        }
    }

    private CreditJournalSend Record(DateTimeOffset sentAt, TimeSpan? uncertainty) => CreditJournalRecords.SendOf(_movement, _key ?? string.Empty, sentAt, uncertainty);

    // Done: the movement accounts for its entries from now on, and the journal says so.
    private void Complete(object result, IReadOnlyList<string> entryIds)
    {
        var now = Clock.ServerNow();

        // This process's own send time in the clock as known now (exact even if it was not when the send left);
        // a resumed row has only the journal's, with the journal's uncertainty.
        var from = _sentLocal is { } local
            ? CreditWindowEdge.Earliest(Clock.ToServer(local), Clock.Uncertainty)
            : CreditWindowEdge.Earliest(_recorded?.SentAt ?? now, _recorded?.ClockUncertainty);
        var id = _journal is not null && _recorded is not null ? CreditJournalClaims.Id(_journal, _recorded) : Guid.NewGuid().ToString("N");
        var parts = entryIds.Count > 0 ? null : _movement.PartsOf(result);
        _owner.Claims.Add(_movement.Account, new CreditMovementClaim(id, _movement.HistoryType, _movement.Amount, parts, from, CreditWindowEdge.Latest(now, Clock.Uncertainty), entryIds));
        if (_journal is not null && _recorded is not null)
        {
            var outcome = _movement.OutcomeOf(result);
            outcome.At = now;
            if (_sentLocal is { } sent && Clock.IsKnown)
            {
                outcome.SentAt = Clock.ToServer(sent);
                outcome.ClockUncertainty = Clock.Uncertainty;
            }

            _journal.RecordOutcome(_key!, outcome);
        }
    }

    private void RecordOutcome(CreditJournalStatus status, string reason, string? check = null)
    {
        if (_journal is not null && _recorded is not null)
        {
            _journal.RecordOutcome(_key!, new CreditJournalOutcome { Status = status, At = Clock.ServerNow(), Reason = reason, Check = check });
        }
    }

    private MayarApiException Unknown(MayarApiException failure, string why, CreditHistoryVerdict verdict)
    {
        var check = History.CheckCommand(verdict.Since);
        var text = Who() + ": " + why;
        RecordOutcome(CreditJournalStatus.Unknown, text, check);
        return MayarApiException.OutcomeUnknown(failure, text, check, verdict.Entries);
    }

    // Ctrl+C: not sent (nothing to record but that), or sent with no answer within the grace period (unknown).
    private Exception Stopped()
    {
        if (_sentLocal is null || !_inFlight.IsCancellationRequested)
        {
            RecordOutcome(CreditJournalStatus.NotApplied, "stopped (Ctrl+C) before it was sent");
            return new OperationCanceledException(_stop);
        }

        var since = CreditWindowEdge.Earliest(Clock.ToServer(_sentLocal.Value), Clock.Uncertainty);
        var failure = new MayarApiException(MayarErrorKind.Timeout, null, null, null, null, _operation.Method.Method, _operation.Path, null);
        var verdict = new CreditHistoryVerdict(CreditMatchOutcome.Ambiguous, Array.Empty<CreditHistoryEntry>(), string.Empty, since);
        return Unknown(failure, $"stopped (Ctrl+C) after it was sent, and no answer came within the {_owner.StopGrace.TotalSeconds:0.#} s grace period.", verdict);
    }

    private MayarApiException FromJournalUnknown(CreditJournalRow row)
    {
        var failure = new MayarApiException(MayarErrorKind.OutcomeUnknown, null, null, null, null, _operation.Method.Method, _operation.Path, null);
        var why = $"the journal {_journal!.Path} records its outcome as unknown ({row.Outcome?.Reason}); it is not sent again until you decide.";
        return MayarApiException.OutcomeUnknown(failure, Who() + ": " + why, row.Outcome?.Check ?? History.CheckCommand(row.Send.SentAt.AddMinutes(-15)), null);
    }

    private string Who() => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "{0}{1} for customer {2} in product {3}{4}",
        _movement.Kind == "spend" ? "-" : "+",
        _movement.Amount,
        _movement.CustomerId,
        _movement.ProductId,
        _key is null ? string.Empty : " (row " + _key + ")");

    private void Trace(string failure, CreditHistoryVerdict verdict)
    {
        var outcome = verdict.Outcome switch
        {
            CreditMatchOutcome.Found => MayarReconcileRecord.Done,
            CreditMatchOutcome.NotFound => MayarReconcileRecord.NotApplied,
            _ => MayarReconcileRecord.Unknown,
        };
        _trace?.OnReconciled(new MayarReconcileRecord(_operation.Method.Method, _operation.Path, failure, _movement.HistoryType, _movement.Amount, outcome, verdict.Entries, verdict.Why));
    }

    private static string[] EntryIds(IReadOnlyList<CreditHistoryEntry> entries)
    {
        var ids = new string[entries.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = entries[i].Id ?? string.Empty;
        }

        return ids;
    }
}
