using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Paces one connection's requests: a token bucket holding one token that refills every 60/N seconds (so
/// requests leave evenly spaced and no burst can exceed the API's window), shared by every caller of the
/// connection, on any thread. A 429 pauses it for the server's Retry-After. Thread-safe.
/// </summary>
public sealed class MayarRateLimiter
{
    /// <summary>The documented limit: 20 requests per minute per IP.</summary>
    public const int DocumentedRequestsPerMinute = 20;

    /// <summary>The highest pace a connection may ask for.</summary>
    public const int MaxRequestsPerMinute = 60000;

    // Requests are spaced 1% wider than 60/N s, so arrival jitter on the way never fits N+1 into a window.
    private const double SafetyMargin = 1.01;

    private readonly object _gate = new();
    private readonly long _intervalTicks;
    private long _nextSlot;
    private long _pausedUntil;
    private int _pauses;

    /// <summary>Creates a limiter; 0 requests per minute means no pacing (429 pauses still apply).</summary>
    public MayarRateLimiter(int requestsPerMinute)
    {
        if (requestsPerMinute < 0 || requestsPerMinute > MaxRequestsPerMinute)
        {
            throw new MayarArgumentException("RequestsPerMinute", $"must be between 0 (no pacing) and {MaxRequestsPerMinute}, not {requestsPerMinute}.");
        }

        RequestsPerMinute = requestsPerMinute;
        _intervalTicks = requestsPerMinute == 0 ? 0 : (long)(Stopwatch.Frequency * 60d / requestsPerMinute * SafetyMargin);
    }

    /// <summary>The pace; 0 when pacing is off.</summary>
    public int RequestsPerMinute { get; }

    /// <summary>The spacing between two requests.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(_intervalTicks / (double)Stopwatch.Frequency);

    /// <summary>
    /// Waits for this caller's turn and returns how long it waited. Cancelling ends the wait at once.
    /// A pause that starts while waiting moves the turn behind it.
    /// </summary>
    public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long wait;
            int pauses;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var slot = Math.Max(now, Math.Max(_nextSlot, _pausedUntil));
                _nextSlot = slot + _intervalTicks;
                wait = slot - now;
                pauses = _pauses;
            }

            if (wait <= 0)
            {
                return Elapsed(started);
            }

            await Task.Delay(ToTimeSpan(wait), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (pauses == _pauses)
                {
                    return Elapsed(started);
                }
            }
        }
    }

    /// <summary>Holds every caller of this connection for <paramref name="duration"/> from now (a 429's Retry-After).</summary>
    public void PauseFor(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                _pauses++;
            }
        }
    }

    private static TimeSpan Elapsed(long started) => ToTimeSpan(Stopwatch.GetTimestamp() - started);

    private static TimeSpan ToTimeSpan(long stopwatchTicks) => TimeSpan.FromSeconds(stopwatchTicks / (double)Stopwatch.Frequency);
}
