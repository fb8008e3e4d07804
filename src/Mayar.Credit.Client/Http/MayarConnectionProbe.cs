using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// A connection test: one cheap read (the first customer, <c>GET /hl/v2/customers?limit=1</c>), sent once and briefly.
/// <list type="bullet">
/// <item>No retries: with the connection's (4 by default) a refused connection would be tried five times over about
/// 15 s of backoff, and a host that drops packets five timeouts long (over 8 minutes at the default 100 s). A test
/// reports what it sees now; whoever asked can ask again.</item>
/// <item>Its own timeout (<see cref="MayarClient.DefaultConnectionTestTimeout"/>, or the connection's when shorter),
/// both for the answer and for its turn in the connection's pace.</item>
/// <item>It takes its turn in that pace like any request: it counts against the same per-minute limit, so a test next to
/// a running batch provokes no 429 for it; a pace that would hold it past the timeout sends nothing.</item>
/// </list>
/// What it finds is the result, never an exception (except the caller's cancellation).
/// </summary>
internal static class MayarConnectionProbe
{
    public static async Task<MayarConnectionTest> RunAsync(MayarClient client, MayarTransport transport, TimeSpan timeout, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var operation = new GetCustomersPageOperation(1);
        var exchange = new LastExchange(trace);
        var testedAt = DateTimeOffset.Now;
        using var turn = new CancellationTokenSource(timeout);
        try
        {
            var payload = await transport.SendAsync(operation, exchange, cancellationToken, turn.Token, null, maxRetries: 0, attemptTimeout: timeout).ConfigureAwait(false);

            // The documented page, not merely a 200: a base URI that serves something else is not the API.
            operation.ReadResult(payload);
            return new MayarConnectionTest(client, testedAt, exchange.Last, null);
        }
        catch (MayarApiException failure)
        {
            failure.RepeatAnswer = operation.RepeatAnswer;
            return new MayarConnectionTest(client, testedAt, exchange.Last, failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && exchange.Last is null)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var detail = $"Not sent: this connection's pace ({DescribePace(transport.RateLimiter)}, or a pause after a 429) held the test for more than {seconds} s. Test again in a moment";
            var failure = new MayarApiException(MayarErrorKind.Timeout, null, null, null, null, operation.Method.Method, operation.Path, detail) { RequestNotSent = true, RepeatAnswer = RepeatAnswer.Unchanged };
            return new MayarConnectionTest(client, testedAt, null, failure, detail + ".");
        }
    }

    private static string DescribePace(MayarRateLimiter limiter) =>
        limiter.RequestsPerMinute == 0 ? "no pacing" : limiter.RequestsPerMinute.ToString(CultureInfo.InvariantCulture) + " requests per minute";

    // Keeps the exchange (its status and time) and passes every record on.
    private sealed class LastExchange : IMayarTraceListener
    {
        private readonly IMayarTraceListener? _inner;
        private MayarRequestRecord? _last;

        public LastExchange(IMayarTraceListener? inner) => _inner = inner;

        public MayarRequestRecord? Last => Volatile.Read(ref _last);

        public void OnRequestCompleted(MayarRequestRecord record)
        {
            Volatile.Write(ref _last, record);
            _inner?.OnRequestCompleted(record);
        }

        public void OnWaiting(MayarWaitRecord record) => _inner?.OnWaiting(record);

        public void OnReconciled(MayarReconcileRecord record) => _inner?.OnReconciled(record);
    }
}
