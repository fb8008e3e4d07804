using System;
using System.Globalization;
using System.Text;

namespace Mayar.Credit.Client;

/// <summary>
/// One HTTP exchange, as traced for -Verbose (<see cref="ToString"/>) and -Debug (<see cref="ToDebugString"/>).
/// Holds no header or query value; the bodies pass through the connection's redactor when read (the key and the
/// merchant's secret fields masked, <see cref="MayarRedactor.RedactBody"/>).
/// </summary>
public sealed class MayarRequestRecord
{
    /// <summary>The longest body text shown by <see cref="ToDebugString"/>, in characters.</summary>
    public const int MaxDebugBodyLength = 4096;

    private readonly byte[]? _requestBody;
    private readonly byte[]? _responseBody;
    private readonly MayarRedactor? _redactor;

    /// <summary>Creates a record.</summary>
    public MayarRequestRecord(string method, string path, int? statusCode, TimeSpan elapsed, int attempt, string? failure)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Elapsed = elapsed;
        Attempt = attempt;
        Failure = failure;
    }

    // The bodies are kept as the bytes already sent and read, and decoded only if someone asks (-Debug).
    internal MayarRequestRecord(string method, string path, int? statusCode, TimeSpan elapsed, int attempt, string? failure, byte[]? requestBody, byte[]? responseBody, MayarRedactor redactor)
        : this(method, path, statusCode, elapsed, attempt, failure)
    {
        _requestBody = requestBody;
        _responseBody = responseBody;
        _redactor = redactor;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, without the query string.</summary>
    public string Path { get; }

    /// <summary>The HTTP status, or null when no response came.</summary>
    public int? StatusCode { get; }

    /// <summary>Time from sending to the end of the body.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; }

    /// <summary>Why no response came (transport error, timeout), if so.</summary>
    public string? Failure { get; }

    /// <summary>The JSON sent, with the key and secret fields masked; null for a GET.</summary>
    public string? RequestBody => Decode(_requestBody);

    /// <summary>The body received, with the key and secret fields masked; null when no response came.</summary>
    public string? ResponseBody => Decode(_responseBody);

    /// <summary>The -Debug text: the verbose line, then the request and response bodies (each cut at <see cref="MaxDebugBodyLength"/> characters).</summary>
    public string ToDebugString()
    {
        var text = new StringBuilder(ToString());
        if (_requestBody is not null)
        {
            text.Append("\n  request body: ").Append(Shorten(RequestBody!, _requestBody.Length));
        }

        if (_responseBody is not null)
        {
            text.Append("\n  response body: ").Append(_responseBody.Length == 0 ? "(empty)" : Shorten(ResponseBody!, _responseBody.Length));
        }

        return text.ToString();
    }

    /// <summary>"POST /credit/v1/credit/credit-usage/customer/regist -> 200 (312 ms)".</summary>
    public override string ToString()
    {
        var outcome = StatusCode?.ToString(CultureInfo.InvariantCulture) ?? Failure ?? "no response";
        var attempt = Attempt > 1 ? string.Format(CultureInfo.InvariantCulture, ", attempt {0}", Attempt) : string.Empty;
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3:0} ms{4})", Method, Path, outcome, Elapsed.TotalMilliseconds, attempt);
    }

    private static string Shorten(string text, int byteCount) =>
        text.Length <= MaxDebugBodyLength
            ? text
            : text.Substring(0, MaxDebugBodyLength) + string.Format(CultureInfo.InvariantCulture, "… ({0} bytes in all)", byteCount);

    private string? Decode(byte[]? body) => body is null ? null : _redactor is null ? Encoding.UTF8.GetString(body) : _redactor.RedactBody(Encoding.UTF8.GetString(body));
}
