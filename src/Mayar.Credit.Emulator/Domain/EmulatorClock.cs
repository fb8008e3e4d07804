using System;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// The emulator's clock: real UTC plus <see cref="Offset"/>, so tests can play a server whose clock is minutes off.
/// It stamps the ledger (and so the history's times, and what startDate/endDate compare with) and every response's
/// Date header. Thread-safe.
/// </summary>
public sealed class EmulatorClock
{
    private long _offsetTicks;

    /// <summary>Server time minus real time.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref _offsetTicks));
        set => System.Threading.Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    /// <summary>The server's time now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;
}
