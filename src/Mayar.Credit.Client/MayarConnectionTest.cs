using System;

namespace Mayar.Credit.Client;

/// <summary>
/// The outcome of <see cref="MayarClient.TestConnectionAsync"/>: whether the API answered one cheap read and accepted
/// the key, how long the exchange took, and the server's clock as its Date header showed it. A test reports what it
/// found rather than throwing: <see cref="GetError"/> gives the failure as the exception the other operations throw.
/// </summary>
public sealed class MayarConnectionTest
{
    private static readonly long Tenth = TimeSpan.FromMilliseconds(100).Ticks;

    private readonly MayarApiException? _error;

    internal MayarConnectionTest(MayarClient client, DateTimeOffset testedAt, MayarRequestRecord? exchange, MayarApiException? error, string? notSent = null)
    {
        _error = error;
        TestedAt = testedAt;
        Environment = client.Environment.ToString();
        BaseUri = client.BaseUri;
        ApiKeyHint = client.ApiKeyHint;
        Reachable = exchange?.StatusCode is not null || error?.HttpStatusCode is not null;
        StatusCode = error?.StatusCode ?? exchange?.StatusCode;
        RoundTripMs = exchange is null ? null : (int)Math.Round(exchange.Elapsed.TotalMilliseconds, MidpointRounding.AwayFromZero);
        _status = notSent is not null ? MayarConnectionStatus.NotSent : error is null ? MayarConnectionStatus.Ok : StatusOf(error, Reachable);
        KeyAccepted = _status switch
        {
            MayarConnectionStatus.Ok or MayarConnectionStatus.Forbidden => true,
            MayarConnectionStatus.KeyRefused => false,
            _ => null,
        };
        ErrorId = error?.ErrorId;

        // Only this test's answer dates the server's clock: an unreachable API has no clock to show.
        var clock = client.ServerClock;
        if (Reachable && clock.IsKnown)
        {
            ServerTimeOffset = ToTenths(clock.Offset);
            ServerTimeUncertainty = clock.Uncertainty is TimeSpan uncertainty ? ToTenths(uncertainty) : null;
        }

        Message = _status switch
        {
            MayarConnectionStatus.Ok => $"The Mayar API answered in {RoundTripMs} ms and accepted the key.",
            MayarConnectionStatus.Forbidden => "The Mayar API accepted the key but may not let it list customers; other commands may still work. " + error!.Message,
            MayarConnectionStatus.NotSent => notSent!,
            _ => error!.Message,
        };
    }

    private readonly MayarConnectionStatus _status;

    /// <summary>
    /// What the test found: the name of a <see cref="MayarConnectionStatus"/> ("Ok" when the API answered and accepted
    /// the key), as a string so that ConvertTo-Json and Export-Csv write the name; compare with <see cref="Is"/>.
    /// </summary>
    public string Status => _status.ToString();

    /// <summary>True when the API (or whatever serves the base URI) sent an HTTP answer, whatever its status.</summary>
    public bool Reachable { get; }

    /// <summary>True when the API accepted the key (it answered the read, or a 403); false when it refused it (401, or 400 "API key does not have access"); null when the answer says neither (no answer, 429, 5xx).</summary>
    public bool? KeyAccepted { get; }

    /// <summary>Production, Sandbox or Custom: the name of the connection's MayarEnvironment (a string, for ConvertTo-Json).</summary>
    public string Environment { get; }

    /// <summary>Where the request went.</summary>
    public Uri BaseUri { get; }

    /// <summary>The last four characters of the key, e.g. "…3f9a".</summary>
    public string ApiKeyHint { get; }

    /// <summary>The status the API reported (the body's, when it reports a failure); null without an answer.</summary>
    public int? StatusCode { get; }

    /// <summary>Milliseconds from sending the request to the end of the answer (or to the failure); null when nothing was sent.</summary>
    public int? RoundTripMs { get; }

    /// <summary>
    /// The server's clock minus this machine's, from the answer's Date header (to a tenth of a second; the header has
    /// one-second resolution, see <see cref="ServerTimeUncertainty"/>); null without an answer that carried one.
    /// </summary>
    public TimeSpan? ServerTimeOffset { get; }

    /// <summary>How far the true offset may be from <see cref="ServerTimeOffset"/>, either way.</summary>
    public TimeSpan? ServerTimeUncertainty { get; }

    /// <summary>The ErrorId of the failure (e.g. "Mayar.Unauthorized"); null when the test succeeded.</summary>
    public string? ErrorId { get; }

    /// <summary>What the test found, in words: the failure's message (never the key), or the round trip.</summary>
    public string Message { get; }

    /// <summary>When the test started.</summary>
    public DateTimeOffset TestedAt { get; }

    /// <summary>The failure as the exception other operations throw for it (for an error record); null when the test succeeded.</summary>
    public MayarApiException? GetError() => _error;

    /// <inheritdoc />
    public override string ToString() => $"{Status}: {Message}";

    /// <summary>True when the test found <paramref name="status"/>.</summary>
    public bool Is(MayarConnectionStatus status) => _status == status;

    private static MayarConnectionStatus StatusOf(MayarApiException error, bool answered) => error.Kind switch
    {
        MayarErrorKind.Unauthorized => MayarConnectionStatus.KeyRefused,
        MayarErrorKind.Forbidden => MayarConnectionStatus.Forbidden,
        MayarErrorKind.RateLimited => MayarConnectionStatus.RateLimited,
        MayarErrorKind.Server => MayarConnectionStatus.ServerError,
        MayarErrorKind.Timeout => MayarConnectionStatus.TimedOut,
        MayarErrorKind.Transport => answered ? MayarConnectionStatus.BadResponse : MayarConnectionStatus.Unreachable,
        _ => MayarConnectionStatus.BadResponse,
    };

    private static TimeSpan ToTenths(TimeSpan value) => TimeSpan.FromTicks((long)Math.Round(value.Ticks / (double)Tenth, MidpointRounding.AwayFromZero) * Tenth);
}
