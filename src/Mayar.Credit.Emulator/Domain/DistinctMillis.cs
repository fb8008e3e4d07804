using System;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// Creation times in Unix milliseconds that never repeat: a V2 list's cursor is the last row's creation time, so two
/// rows made in the same millisecond would lose one between pages. Not thread-safe: its owner calls it under its lock.
/// </summary>
internal sealed class DistinctMillis
{
    private long _last;

    /// <summary><paramref name="now"/> in milliseconds, or one past the last time given when that is not later.</summary>
    public long Next(DateTimeOffset now)
    {
        _last = Math.Max(now.ToUnixTimeMilliseconds(), _last + 1);
        return _last;
    }

    public void Reset() => _last = 0;
}
