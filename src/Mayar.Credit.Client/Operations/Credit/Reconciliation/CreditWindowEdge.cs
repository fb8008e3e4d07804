using System;

namespace Mayar.Credit.Client;

/// <summary>
/// The edges of a time range in the server's clock around a server time known to within an uncertainty (or not at
/// all: then <see cref="MayarServerClock.UnknownOffsetWidening"/>), with a little slack for when the server stamps
/// an entry. Every reconciliation window and every claim is bounded this way.
/// </summary>
internal static class CreditWindowEdge
{
    /// <summary>Entries are stamped while the server processes the request: slack either side of the range.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    /// <summary>The earliest server time <paramref name="serverTime"/> can stand for.</summary>
    public static DateTimeOffset Earliest(DateTimeOffset serverTime, TimeSpan? uncertainty) =>
        serverTime - (uncertainty ?? MayarServerClock.UnknownOffsetWidening) - Margin;

    /// <summary>The latest server time <paramref name="serverTime"/> can stand for.</summary>
    public static DateTimeOffset Latest(DateTimeOffset serverTime, TimeSpan? uncertainty) =>
        serverTime + (uncertainty ?? MayarServerClock.UnknownOffsetWidening) + Margin;
}
