namespace Mayar.Credit.Client;

/// <summary>What a connection test found (<see cref="MayarConnectionTest.Status"/>).</summary>
public enum MayarConnectionStatus
{
    /// <summary>The API answered the read and accepted the key.</summary>
    Ok,

    /// <summary>The API refused the key: 401, or the credit service's 400 "API key does not have access".</summary>
    KeyRefused,

    /// <summary>403: the API knows the key, but the key may not list customers; other commands may still work.</summary>
    Forbidden,

    /// <summary>429: rate limited; whether the key is good is not known.</summary>
    RateLimited,

    /// <summary>5xx, or a body that reports one; whether the key is good is not known.</summary>
    ServerError,

    /// <summary>
    /// An answer other than the documented one for this read (404, another status, not the documented JSON): the base
    /// URI may not be the Mayar API.
    /// </summary>
    BadResponse,

    /// <summary>No complete answer within the test's timeout (or a 408).</summary>
    TimedOut,

    /// <summary>No answer at all: the connection was refused, the name did not resolve, TLS failed, or it broke before an answer.</summary>
    Unreachable,

    /// <summary>Nothing was sent: the connection's pace (its requests per minute, or a pause after a 429) held the test past its timeout.</summary>
    NotSent,
}
