using System;
using System.Threading;

namespace Mayar.Credit.Client;

/// <summary>
/// The server's clock as seen from here, learnt from the <c>Date</c> header of every response. A credit movement's
/// reconciliation window is computed in the server's clock (the history's times are the server's), so a server whose
/// clock is minutes off can neither hide a processed movement nor lend it an older entry. The header has one-second
/// resolution and may be stamped up to a second before the response leaves (servers cache it), so the offset is a
/// range: <see cref="Uncertainty"/> either side of <see cref="Offset"/>.
/// </summary>
public sealed class MayarServerClock
{
    // A cached Date header may be up to a second old, on top of its one-second truncation.
    private static readonly TimeSpan HeaderSlack = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private ClockSample? _sample;

    /// <summary>The window used either side when the offset is not known (no response with a Date header yet).</summary>
    public static readonly TimeSpan UnknownOffsetWidening = TimeSpan.FromMinutes(15);

    /// <summary>True once a response carried a Date header.</summary>
    public bool IsKnown => Volatile.Read(ref _sample) is not null;

    /// <summary>Server time minus local time, the middle of the range; zero when not known.</summary>
    public TimeSpan Offset => Volatile.Read(ref _sample)?.Offset ?? TimeSpan.Zero;

    /// <summary>How far the true offset may be from <see cref="Offset"/>; null when not known.</summary>
    public TimeSpan? Uncertainty => Volatile.Read(ref _sample)?.Uncertainty;

    /// <summary>
    /// Learns from one response: its Date header, and the local times the request left and the answer came. Each
    /// response bounds the offset; bounds that agree are intersected (a batch soon knows the offset to a fraction of
    /// a second), bounds that do not (the server's clock was changed) replace the old ones.
    /// </summary>
    public void Observe(DateTimeOffset serverDate, DateTimeOffset localSent, DateTimeOffset localReceived)
    {
        // The server stamped Date at some moment between our send and our receipt, in [Date - slack, Date + 1 s).
        var lowest = serverDate - HeaderSlack - localReceived;
        var highest = serverDate + TimeSpan.FromSeconds(1) - localSent;
        lock (_gate)
        {
            if (_sample is { } known && lowest <= known.Highest && highest >= known.Lowest)
            {
                lowest = lowest > known.Lowest ? lowest : known.Lowest;
                highest = highest < known.Highest ? highest : known.Highest;
            }

            Volatile.Write(ref _sample, new ClockSample(lowest, highest));
        }
    }

    /// <summary>The local time <paramref name="local"/> in the server's clock (unchanged while the offset is not known).</summary>
    public DateTimeOffset ToServer(DateTimeOffset local) => local + Offset;

    /// <summary>The server's clock now.</summary>
    public DateTimeOffset ServerNow() => ToServer(DateTimeOffset.UtcNow);

    private sealed class ClockSample
    {
        public ClockSample(TimeSpan lowest, TimeSpan highest)
        {
            Lowest = lowest;
            Highest = highest;
            Uncertainty = TimeSpan.FromTicks((highest - lowest).Ticks / 2);
            Offset = lowest + Uncertainty;
        }

        public TimeSpan Lowest { get; }

        public TimeSpan Highest { get; }

        public TimeSpan Offset { get; }

        public TimeSpan Uncertainty { get; }
    }
}
