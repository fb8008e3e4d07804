using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Sends a credit movement so that credit moves exactly once, or says plainly that it does not know. One movement
/// at a time runs per account within a connection. A send that certainly did not arrive is retried by the transport
/// as any write. A send whose answer was lost after it may have arrived is checked in the customer's credit history
/// (see <see cref="CreditMovementCheck"/>): found is done (Reconciled, with the matched entry ids), not found is sent
/// once more while the retry budget lasts, anything else is <see cref="MayarErrorKind.OutcomeUnknown"/>. With a
/// journal, every send is recorded before it leaves and every outcome after it is known, and a row the journal
/// knows is resumed instead of sent (docs/reliability.md). Ctrl+C sends nothing more; a movement in flight gets a
/// grace period to finish so that its outcome is known.
/// </summary>
internal sealed class CreditMovementReconciler
{
    private readonly MayarTransport _transport;
    private readonly CreditAccountGate _gate = new();

    public CreditMovementReconciler(MayarTransport transport, TimeSpan settleDelay, TimeSpan stopGrace)
    {
        _transport = transport;
        SettleDelay = settleDelay;
        StopGrace = stopGrace;
    }

    /// <summary>The wait before the history is read a second time, when the first read shows nothing.</summary>
    public TimeSpan SettleDelay { get; }

    /// <summary>How long a movement in flight may still finish after a stop.</summary>
    public TimeSpan StopGrace { get; }

    /// <summary>What this connection's completed movements account for.</summary>
    public CreditClaimBook Claims { get; } = new();

    public async Task<object> SendAsync(MayarOperation operation, ICreditMovementSteps movement, CreditJournal? journal, string? reference, IMayarTraceListener? trace, CancellationToken stop)
    {
        using var turn = await _gate.EnterAsync(movement.Account, stop).ConfigureAwait(false);
        using var inFlight = new CancellationTokenSource();
        using var onStop = stop.Register(() => CancelAfterGrace(inFlight));
        var send = new CreditMovementSend(this, _transport, operation, movement, journal, reference, trace, stop, inFlight.Token);
        var result = await send.RunAsync().ConfigureAwait(false);
        movement.SetReference(result, reference);
        return result;
    }

    /// <summary>"the connection broke", for the trace and the messages.</summary>
    public static string Describe(MayarApiException failure) => failure.Kind switch
    {
        MayarErrorKind.Timeout => "no answer in time",
        MayarErrorKind.Transport => "the connection broke",
        MayarErrorKind.InvalidResponse => "the answer could not be read",
        _ => "the API answered " + (failure.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "with an error"),
    };

    private void CancelAfterGrace(CancellationTokenSource inFlight)
    {
        try
        {
            inFlight.CancelAfter(StopGrace);
        }
        catch (ObjectDisposedException)
        {
            // The movement finished as the stop came.
        }
    }
}
