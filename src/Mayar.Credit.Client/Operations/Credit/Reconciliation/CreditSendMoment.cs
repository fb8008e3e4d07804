using System;

namespace Mayar.Credit.Client;

/// <summary>
/// When a movement was sent: a local time (converted with what is known of the server's clock when it is used), or a
/// server time with its uncertainty (from a journal written by an earlier process).
/// </summary>
internal readonly struct CreditSendMoment
{
    private CreditSendMoment(DateTimeOffset at, bool isServerTime, TimeSpan? uncertainty)
    {
        At = at;
        IsServerTime = isServerTime;
        Uncertainty = uncertainty;
    }

    public DateTimeOffset At { get; }

    public bool IsServerTime { get; }

    /// <summary>For a server time: how far off it may be; null when the offset was not known.</summary>
    public TimeSpan? Uncertainty { get; }

    public static CreditSendMoment Local(DateTimeOffset at) => new(at, false, null);

    public static CreditSendMoment Server(DateTimeOffset at, TimeSpan? uncertainty) => new(at, true, uncertainty);
}
