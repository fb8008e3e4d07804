using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Reads one account's credit history for a movement whose answer was lost and decides found, not found or unknown.
/// The window is in the server's clock: from just before the send (less the clock's uncertainty) to now (plus it),
/// widened to <see cref="MayarServerClock.UnknownOffsetWidening"/> either side while no response has told the server's
/// time. Claims (this connection's, and a journal's done rows) are read from the start of the earliest one that
/// reaches into the window, so each can find its own entries. Nothing found is read again after the settle delay
/// before it counts as not applied.
/// </summary>
internal sealed class CreditMovementCheck
{
    private readonly MayarTransport _transport;
    private readonly CreditClaimBook _claims;
    private readonly CreditJournal? _journal;
    private readonly ICreditMovementSteps _movement;
    private readonly IMayarTraceListener? _trace;

    public CreditMovementCheck(MayarTransport transport, CreditClaimBook claims, CreditJournal? journal, ICreditMovementSteps movement, IMayarTraceListener? trace)
    {
        _transport = transport;
        _claims = claims;
        _journal = journal;
        _movement = movement;
        _trace = trace;
    }

    private MayarServerClock Clock => _transport.ServerClock;

    public async Task<CreditHistoryVerdict> RunAsync(CreditSendMoment sent, TimeSpan settleDelay, CancellationToken inFlight, CancellationToken stop)
    {
        AdoptJournalClaims();
        CreditHistoryVerdict? verdict = null;
        for (var read = 1; read <= 2; read++)
        {
            if (read == 2)
            {
                _trace?.OnWaiting(new MayarWaitRecord("GET", MayarRoutes.CreditHistory, 2, settleDelay, "letting the credit history settle before calling the movement not applied"));
                try
                {
                    await Task.Delay(settleDelay, inFlight).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return Unknown("stopped (Ctrl+C) before the credit history was read a second time", verdict!.Since);
                }
            }

            verdict = await ReadOnceAsync(sent, inFlight, stop).ConfigureAwait(false);
            if (verdict.Outcome != CreditMatchOutcome.NotFound)
            {
                return verdict;
            }
        }

        return verdict!;
    }

    /// <summary>The command that shows the entries of the window.</summary>
    public string CheckCommand(DateTimeOffset since)
    {
        var tier = _movement.MembershipTierId is null ? string.Empty : " -MembershipTierId " + _movement.MembershipTierId;
        return string.Format(CultureInfo.InvariantCulture, "Get-MayarCreditHistory -CustomerId {0} -ProductId {1}{2} -Type {3} -Since '{4}'", _movement.CustomerId, _movement.ProductId, tier, _movement.HistoryType, since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private async Task<CreditHistoryVerdict> ReadOnceAsync(CreditSendMoment sent, CancellationToken inFlight, CancellationToken stop)
    {
        var clockKnown = Clock.IsKnown;
        var (from, to) = Window(sent);
        var (since, claims) = ClaimsReaching(from, to);
        CreditHistoryWindow history;
        try
        {
            history = await CreditHistoryWindow.ReadAsync(_transport, _movement, since, _trace, inFlight).ConfigureAwait(false);
            if (!clockKnown && Clock.IsKnown)
            {
                // The read itself told the server's time: the window is now exact, and may start before what was read.
                (from, to) = Window(sent);
                var (exactSince, exactClaims) = ClaimsReaching(from, to);
                claims = exactClaims;
                if (exactSince < since)
                {
                    since = exactSince;
                    history = await CreditHistoryWindow.ReadAsync(_transport, _movement, since, _trace, inFlight).ConfigureAwait(false);
                }
            }
        }
        catch (MayarApiException unreadable)
        {
            return Unknown($"the customer's credit history could not be read to check ({unreadable.ErrorId}: {unreadable.Message})", since);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Unknown("stopped (Ctrl+C) before the credit history could be read", since);
        }

        if (!history.Complete)
        {
            return Unknown($"the credit history holds more than {CreditHistoryWindow.MaxPages} pages of {_movement.HistoryType} entries since the send, and not all of them could be read", since);
        }

        var clockNote = Clock.IsKnown ? string.Empty : $"; the server's clock is not known (no Date header), so the window was widened to {MayarServerClock.UnknownOffsetWidening.TotalMinutes:0} minutes either side";
        var window = string.Format(CultureInfo.InvariantCulture, "window {0:HH:mm:ss.fff} to {1:HH:mm:ss.fff} server time{2}", from.UtcDateTime, to.UtcDateTime, clockNote);
        var match = CreditMovementMatcher.Match(_movement, history.Entries, claims, from, to);
        return match.Outcome switch
        {
            CreditMatchOutcome.Found => new CreditHistoryVerdict(CreditMatchOutcome.Found, match.Entries, "the one entry this movement can have made that no other movement of this connection accounts for; " + window, from),
            CreditMatchOutcome.NotFound => new CreditHistoryVerdict(CreditMatchOutcome.NotFound, match.Entries, window, from),
            _ => Unknown(Ambiguity(match.Entries) + "; " + window, from, match.Entries),
        };
    }

    private string Ambiguity(IReadOnlyList<CreditHistoryEntry> candidates) => CreditMovementMatcher.IsSpend(_movement.HistoryType)
        ? $"the credit history shows credit use this spend cannot be told apart from, possibly another writer's: {MayarReconcileRecord.Describe(candidates)}"
        : $"the credit history shows {candidates.Count} unclaimed entries this top-up could be, possibly another writer's: {MayarReconcileRecord.Describe(candidates)}";

    private static CreditHistoryVerdict Unknown(string why, DateTimeOffset since, IReadOnlyList<CreditHistoryEntry>? candidates = null) =>
        new(CreditMatchOutcome.Ambiguous, candidates ?? Array.Empty<CreditHistoryEntry>(), why, since);

    // The movement's window in server time.
    private (DateTimeOffset From, DateTimeOffset To) Window(CreditSendMoment sent)
    {
        var from = sent.IsServerTime
            ? CreditWindowEdge.Earliest(sent.At, sent.Uncertainty)
            : CreditWindowEdge.Earliest(Clock.ToServer(sent.At), Clock.Uncertainty);
        return (from, CreditWindowEdge.Latest(Clock.ServerNow(), Clock.Uncertainty));
    }

    // Claims that reach into the window, and those that reach into theirs, so each is resolved against its own entries.
    private (DateTimeOffset Since, IReadOnlyList<CreditMovementClaim> Claims) ClaimsReaching(DateTimeOffset from, DateTimeOffset to)
    {
        var since = from;
        while (true)
        {
            var claims = _claims.Overlapping(_movement.Account, since, to);
            var earliest = claims.Count == 0 ? since : claims.Min(c => c.From);
            if (earliest >= since)
            {
                return (since, claims);
            }

            since = earliest;
        }
    }

    // A journal's done rows of this account are claims too: a re-run must not take an earlier run's entries for its own.
    private void AdoptJournalClaims()
    {
        if (_journal is null)
        {
            return;
        }

        foreach (var row in _journal.Rows)
        {
            if (row.Status == CreditJournalStatus.Done && row.Outcome is { } outcome && CreditAccountGate.KeyOf(row.Send.CustomerId, row.Send.ProductId, row.Send.MembershipTierId) == _movement.Account)
            {
                _claims.Add(_movement.Account, CreditJournalClaims.From(_journal, row.Send, outcome));
            }
        }
    }
}
