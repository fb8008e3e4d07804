using System;

namespace Mayar.Credit.Client;

/// <summary>How a <see cref="MayarClient"/> reaches the API. Validated by <see cref="MayarClient"/>'s constructor.</summary>
public sealed class MayarClientOptions
{
    /// <summary>The documented production host.</summary>
    public static readonly Uri ProductionBaseUri = new("https://api.mayar.id/");

    /// <summary>The documented sandbox host.</summary>
    public static readonly Uri SandboxBaseUri = new("https://api.mayar.club/");

    /// <summary>The default per-request timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The API key (required).</summary>
    public MayarApiKey? ApiKey { get; set; }

    /// <summary>The environment; ignored when <see cref="BaseUri"/> is set.</summary>
    public MayarEnvironment Environment { get; set; } = MayarEnvironment.Production;

    /// <summary>An explicit base URI (e.g. the emulator). https only, or http on a loopback address.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>How long one request may take, from sending to the end of the body.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retries after a failed first attempt (0–10; default 4; 0 disables). See <see cref="MayarRetryPolicy"/>.</summary>
    public int MaxRetries { get; set; } = MayarRetryPolicy.DefaultMaxRetries;

    /// <summary>Requests per minute this connection sends at most (default the documented 20; 0 disables pacing).</summary>
    public int RequestsPerMinute { get; set; } = MayarRateLimiter.DocumentedRequestsPerMinute;

    /// <summary>The first retry's backoff ceiling (default 1 s); each retry doubles it up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest backoff ceiling (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After honoured (default 120 s); a longer one ends the retries with the error.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a reconciliation waits before it reads a credit history a second time when the first read shows no
    /// entry of a movement whose answer was lost (default 5 s): the history can show a write a few seconds late, and
    /// "not applied" leads to a second send.
    /// </summary>
    public TimeSpan ReconcileSettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a credit movement already sent may still finish after Ctrl+C (default 10 s, never more than the
    /// timeout), so that its outcome is known; movements not yet sent are not sent.
    /// </summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The environment in effect: <see cref="MayarEnvironment.Custom"/> when a base URI is given.</summary>
    public MayarEnvironment EffectiveEnvironment => BaseUri is null ? Environment : MayarEnvironment.Custom;

    /// <summary>Returns the base URI in effect, validated.</summary>
    public Uri ResolveBaseUri()
    {
        if (BaseUri is null)
        {
            return Environment switch
            {
                MayarEnvironment.Production => ProductionBaseUri,
                MayarEnvironment.Sandbox => SandboxBaseUri,
                _ => throw new MayarArgumentException("BaseUri", "is required when the environment is Custom."),
            };
        }

        return ValidateBaseUri(BaseUri);
    }

    /// <summary>Checks a base URI: absolute, https (http only for loopback), no query, fragment or credentials.</summary>
    public static Uri ValidateBaseUri(Uri uri, string parameterName = "BaseUri")
    {
        if (uri is null)
        {
            throw new MayarArgumentException(parameterName, "must not be empty.");
        }

        if (!uri.IsAbsoluteUri)
        {
            throw new MayarArgumentException(parameterName, $"must be an absolute URI such as https://api.mayar.id, not '{uri.OriginalString}'.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new MayarArgumentException(parameterName, $"must use https, not '{uri.Scheme}'.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new MayarArgumentException(parameterName, $"must use https: plain http is allowed only for loopback addresses (127.0.0.1, ::1, localhost), and '{uri.Host}' is not one. The API key would travel unencrypted.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new MayarArgumentException(parameterName, "must not carry user information, a query or a fragment.");
        }

        // Keep a path prefix (a proxy may serve the API below one) and make it end with '/'.
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }

    /// <summary>Checks a timeout: between one second and ten minutes.</summary>
    public static TimeSpan ValidateTimeout(TimeSpan timeout, string parameterName = "TimeoutSec")
    {
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(10))
        {
            throw new MayarArgumentException(parameterName, $"must be between 1 and 600 seconds, not {timeout.TotalSeconds:0.###}.");
        }

        return timeout;
    }
}
