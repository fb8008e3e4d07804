using System;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// A connection: the key (never shown, only its hint), the environment and base URI, and the client
/// that pools HTTP connections. Pass it with -Connection to serve several accounts from one script.
/// </summary>
public sealed class MayarConnection
{
    internal MayarConnection(MayarClient client, string source)
    {
        Client = client;
        Source = source;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>
    /// Production, Sandbox or Custom (an explicit base URI): the name of the MayarEnvironment value, as a string so
    /// that ConvertTo-Json writes "Sandbox" and not 1 (ConvertTo-Json reads .NET properties by reflection and writes
    /// an enum as its number unless -EnumsAsStrings is given; no attribute or type data changes that). In PowerShell
    /// <c>$c.Environment -eq 'Sandbox'</c> and <c>-eq [Mayar.Credit.Client.MayarEnvironment]::Sandbox</c> both hold.
    /// </summary>
    public string Environment => Client.Environment.ToString();

    /// <summary>Where requests go.</summary>
    public Uri BaseUri => Client.BaseUri;

    /// <summary>The last four characters of the key, e.g. "…3f9a".</summary>
    public string ApiKeyHint => Client.ApiKeyHint;

    /// <summary>The per-request timeout in seconds.</summary>
    public int TimeoutSec => (int)Client.Timeout.TotalSeconds;

    /// <summary>How many times a failed request is sent again.</summary>
    public int MaxRetries => Client.RetryPolicy.MaxRetries;

    /// <summary>The pace shared by every user of this connection; 0 when pacing is off.</summary>
    public int RequestsPerMinute => Client.RateLimiter.RequestsPerMinute;

    /// <summary>"Connect-Mayar" or "Environment" (MAYAR_API_KEY).</summary>
    public string Source { get; }

    /// <summary>When the connection was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    internal MayarClient Client { get; }

    /// <inheritdoc />
    public override string ToString() => $"Mayar {Environment} {BaseUri} (key {ApiKeyHint})";
}
