namespace Mayar.Credit.Client;

/// <summary>When the transport may send a request again after it failed.</summary>
public enum MayarRetryRule
{
    /// <summary>A read: sending it again changes nothing, so any passing failure (timeout, broken connection, 408, 429, 5xx) is retried.</summary>
    AnyPassingFailure,

    /// <summary>A write: sent again only when it certainly did not arrive (the connection was never made, or a 429 refused it).</summary>
    OnlyIfNotReceived,
}
