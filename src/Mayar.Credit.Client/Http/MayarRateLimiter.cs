using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Paces one connection's requests so a batch runs at the API's limit without provoking 429s. Two rules,
/// shared by every caller of the connection on any thread:
/// <list type="number">
/// <item>a token bucket holding one token, refilled every 60/N seconds, so requests leave evenly spaced;</item>
/// <item>a sliding window: a request leaves only once the request N places before it has finished and a
/// minute has passed since. The server saw that one no later than it finished, so however the latency
/// varies, no minute of arrivals at the server holds more than N.</item>
/// </list>
/// A 429 pauses every caller for the server's Retry-After (<see cref="PauseFor"/>). Thread-safe.
/// </summary>
public sealed class MayarRateLimiter
{
    /// <summary>The documented limit: 20 requests per minute per IP.</summary>
    public const int DocumentedRequestsPerMinute = 20;

    /// <summary>The highest pace a connection may ask for.</summary>
    public const int MaxRequestsPerMinute = 60000;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly object _gate = new();
    private readonly Queue<Lease> _recent = new();
    private readonly long _intervalTicks;
    private readonly long _windowTicks;
    private long _nextSlot;
    private long _pausedUntil;

    /// <summary>Creates a limiter; 0 requests per minute means no pacing (429 pauses still apply).</summary>
    public MayarRateLimiter(int requestsPerMinute)
        : this(requestsPerMinute, TimeSpan.FromMinutes(1))
    {
    }

    // A shorter window lets tests see the window rule in seconds.
    internal MayarRateLimiter(int requestsPerWindow, TimeSpan window)
    {
        if (requestsPerWindow < 0 || requestsPerWindow > MaxRequestsPerMinute)
        {
            throw new MayarArgumentException("RequestsPerMinute", $"must be between 0 (no pacing) and {MaxRequestsPerMinute}, not {requestsPerWindow}.");
        }

        RequestsPerMinute = requestsPerWindow;
        _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        _intervalTicks = requestsPerWindow == 0 ? 0 : _windowTicks / requestsPerWindow;
    }

    /// <summary>The pace; 0 when pacing is off.</summary>
    public int RequestsPerMinute { get; }

    /// <summary>The spacing between two requests.</summary>
    public TimeSpan Interval => ToTimeSpan(_intervalTicks);

    /// <summary>
    /// How long from now until the next request may leave (zero when it may leave now): the pace, a pause and the
    /// sliding window as far as they are known (a window slot held by a request still running counts as free).
    /// What a progress display shows; it reserves nothing.
    /// </summary>
    public TimeSpan UntilNextTurn
    {
        get
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var target = Math.Max(_nextSlot, _pausedUntil);
                if (RequestsPerMinute > 0 && _recent.Count == RequestsPerMinute && _recent.Peek().FinishedAt is long finished)
                {
                    target = Math.Max(target, finished + _windowTicks);
                }

                return target > now ? ToTimeSpan(target - now) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>How long from now the pause a 429 started still holds every caller (zero when none).</summary>
    public TimeSpan UntilPauseEnds
    {
        get
        {
            var remaining = Volatile.Read(ref _pausedUntil) - Stopwatch.GetTimestamp();
            return remaining > 0 ? ToTimeSpan(remaining) : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Waits for this caller's turn to send. Dispose the lease when the request has finished (answered or
    /// failed): the window counts from then. Cancelling ends the wait at once.
    /// </summary>
    public Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Pacing off and no pause: nothing to wait for or track, so one finished task serves every caller.
        if (RequestsPerMinute == 0 && Volatile.Read(ref _pausedUntil) <= Stopwatch.GetTimestamp())
        {
            return Untracked;
        }

        return WaitForTurnAsync(cancellationToken);
    }

    private async Task<Lease> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                Lease? blocking = null;
                long now;
                long target;
                lock (_gate)
                {
                    now = Stopwatch.GetTimestamp();
                    target = Math.Max(_nextSlot, _pausedUntil);
                    if (RequestsPerMinute > 0 && _recent.Count == RequestsPerMinute)
                    {
                        var oldest = _recent.Peek();
                        if (oldest.FinishedAt is long finished)
                        {
                            target = Math.Max(target, finished + _windowTicks);
                        }
                        else
                        {
                            blocking = oldest;
                        }
                    }

                    if (blocking is null && target <= now)
                    {
                        _nextSlot = now + _intervalTicks;
                        var lease = new Lease(now > started ? ToTimeSpan(now - started) : TimeSpan.Zero);
                        if (RequestsPerMinute > 0)
                        {
                            _recent.Enqueue(lease);
                            if (_recent.Count > RequestsPerMinute)
                            {
                                _recent.Dequeue();
                            }
                        }

                        return lease;
                    }
                }

                // Sleep, then look again: a pause may have started meanwhile.
                if (blocking is not null)
                {
                    await WhenFinishedAsync(blocking, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(ToTimeSpan(target - now), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _turn.Release();
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
                Volatile.Write(ref _pausedUntil, until);
            }
        }
    }

    private static async Task WhenFinishedAsync(Lease lease, CancellationToken cancellationToken)
    {
        using var cancelled = new CancellationTokenSource();
        using (cancellationToken.Register(() => cancelled.Cancel()))
        {
            var delay = Task.Delay(Timeout.Infinite, cancelled.Token);
            await Task.WhenAny(lease.Finished, delay).ConfigureAwait(false);
            cancelled.Cancel();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static readonly Task<Lease> Untracked = Task.FromResult(new Lease(TimeSpan.Zero));

    private static TimeSpan ToTimeSpan(long stopwatchTicks) => TimeSpan.FromSeconds(stopwatchTicks / (double)Stopwatch.Frequency);

    /// <summary>One request's turn. Dispose it when the request has finished.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly TaskCompletionSource<bool> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _finishedAt;

        internal Lease(TimeSpan waited) => Waited = waited;

        /// <summary>How long the caller waited for its turn.</summary>
        public TimeSpan Waited { get; }

        internal long? FinishedAt
        {
            get
            {
                var value = Volatile.Read(ref _finishedAt);
                return value == 0 ? null : value;
            }
        }

        internal Task Finished => _finished.Task;

        /// <summary>Marks the request finished; the window counts from now.</summary>
        public void Dispose()
        {
            if (Interlocked.CompareExchange(ref _finishedAt, Stopwatch.GetTimestamp(), 0) == 0)
            {
                _finished.TrySetResult(true);
            }
        }
    }
}
