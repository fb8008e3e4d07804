using System;

namespace Mayar.Credit.Client;

/// <summary>
/// When a failed request is sent again, and after how long. Reads are retried on transport errors,
/// timeouts, 408, 429, 500, 502, 503 and 504. Writes are retried only when the API provably did not
/// act on them: the connection could not be established, or 429 (a rate-limited request is not processed).
/// Waits are exponential with full jitter, capped; a Retry-After from the server wins.
/// </summary>
public sealed class MayarRetryPolicy
{
    /// <summary>The default number of retries after the first attempt.</summary>
    public const int DefaultMaxRetries = 4;

    /// <summary>The most retries a connection may ask for.</summary>
    public const int MaxAllowedRetries = 10;

    /// <summary>Creates a policy; see <see cref="MayarClientOptions"/> for the meaning of each value.</summary>
    public MayarRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan maxRetryAfter)
    {
        if (maxRetries < 0 || maxRetries > MaxAllowedRetries)
        {
            throw new MayarArgumentException("MaxRetries", $"must be between 0 and {MaxAllowedRetries}, not {maxRetries}.");
        }

        if (baseDelay < TimeSpan.Zero || maxDelay < baseDelay)
        {
            throw new MayarArgumentException("RetryBaseDelay", "must not be negative, and RetryMaxDelay must not be below it.");
        }

        if (maxRetryAfter < TimeSpan.Zero)
        {
            throw new MayarArgumentException("MaxRetryAfter", "must not be negative.");
        }

        MaxRetries = maxRetries;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
        MaxRetryAfter = maxRetryAfter;
    }

    /// <summary>Retries after the first attempt; 0 disables retrying.</summary>
    public int MaxRetries { get; }

    /// <summary>The first backoff ceiling; each retry doubles it.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The largest backoff ceiling.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The longest Retry-After honoured; a longer one ends the retries.</summary>
    public TimeSpan MaxRetryAfter { get; }

    /// <summary>True when the failure of an operation with this <paramref name="rule"/> may be sent again without risking a second effect.</summary>
    public static bool IsRetryable(MayarRetryRule rule, MayarApiException failure)
    {
        if (failure is null)
        {
            throw new ArgumentNullException(nameof(failure));
        }

        if (rule == MayarRetryRule.AnyPassingFailure)
        {
            return failure.Kind is MayarErrorKind.Transport or MayarErrorKind.Timeout
                || failure.StatusCode is 408 or 429 or 500 or 502 or 503 or 504;
        }

        // A write, whether it answers a conflict or moves credit, is repeated only when it certainly did not arrive.
        return failure.RequestNotSent || failure.Kind == MayarErrorKind.RateLimited;
    }

    /// <summary>GET and HEAD may be repeated; everything else changes state.</summary>
    public static bool IsIdempotent(string method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first): the server's Retry-After when
    /// given, else a random fraction (<paramref name="random01"/>, in [0, 1)) of min(MaxDelay, BaseDelay·2^(retry−1)).
    /// </summary>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter, double random01)
    {
        if (retryAfter is TimeSpan serverSays)
        {
            return serverSays < TimeSpan.Zero ? TimeSpan.Zero : serverSays;
        }

        var exponent = Math.Min(Math.Max(retry - 1, 0), 30);
        var ceilingTicks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)(ceilingTicks * Math.Min(Math.Max(random01, 0d), 1d)));
    }
}
