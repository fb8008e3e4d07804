using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>
/// An injected fault for the next <see cref="Count"/> requests that match <see cref="Method"/> and
/// <see cref="Path"/> (null matches any). <see cref="Kind"/> says what happens; <see cref="DelayMs"/>
/// (up to <see cref="DelayMaxMs"/> when set, a random value in the range) delays any kind first.
/// </summary>
public sealed class FaultRule
{
    /// <summary>The kinds a rule can take. Only "delay", "drop-after" and "process-hang" let the request reach the endpoint.</summary>
    public static readonly IReadOnlyList<string> Kinds = new[]
    {
        "status", "delay", "drop-before", "drop-after", "process-hang", "hang", "malformed-json", "html", "text", "error-200",
    };

    public string? Method { get; set; }

    public string? Path { get; set; }

    /// <summary>How many matching requests it applies to; 0 or less: every one until cleared.</summary>
    public int Count { get; set; } = 1;

    /// <summary>
    /// status: answer with <see cref="Status"/> (default when Status is set). delay: only delay, then process
    /// (default without Status). drop-before: close the connection without processing. drop-after: process,
    /// then close the connection without answering. process-hang: process, then hold the answer (for
    /// <see cref="HoldMs"/>, or until the client gives up when 0). hang: never answer (until the client gives up).
    /// malformed-json: HTTP 200 with truncated JSON. html: a proxy's 502 HTML page. text: a proxy's plain-text
    /// 502. error-200: HTTP 200 whose body says statusCode 500. Status, Body and ContentType override the
    /// presets of the last four.
    /// </summary>
    public string? Kind { get; set; }

    public int? Status { get; set; }

    /// <summary>The body to send with <see cref="Status"/>; default: a JSON error body for the status.</summary>
    public string? Body { get; set; }

    public string? ContentType { get; set; }

    /// <summary>A Retry-After header value (seconds or an HTTP date).</summary>
    public string? RetryAfter { get; set; }

    public int DelayMs { get; set; }

    /// <summary>process-hang: how long the processed request's answer is held before it is sent; 0: never sent.</summary>
    public int HoldMs { get; set; }

    /// <summary>When above <see cref="DelayMs"/>, the delay is random between the two.</summary>
    public int DelayMaxMs { get; set; }

    /// <summary>The kind in effect: <see cref="Kind"/>, else "status" with a Status, else "delay".</summary>
    public string EffectiveKind => Kind?.Trim().ToLowerInvariant() ?? (Status is null ? "delay" : "status");

    /// <summary>Null when the rule is usable, else what is wrong with it.</summary>
    public string? Problem()
    {
        if (!Kinds.Contains(EffectiveKind))
        {
            return $"kind must be one of {string.Join(", ", Kinds)}, not '{Kind}'";
        }

        if (EffectiveKind == "status" && Status is null)
        {
            return "kind 'status' needs a status";
        }

        if (Status is < 100 or > 599)
        {
            return "status must be between 100 and 599";
        }

        if (DelayMs < 0 || DelayMaxMs < 0 || HoldMs < 0)
        {
            return "delays must not be negative";
        }

        if (HoldMs > 0 && EffectiveKind != "process-hang")
        {
            return "hold is for kind 'process-hang' only";
        }

        return null;
    }

    /// <summary>The delay for one request.</summary>
    public int PickDelayMs() => PickInRange(DelayMs, DelayMaxMs);

    /// <summary>A fixed delay, or a random one in [min, max] when max is above min (faults and the emulator's latency).</summary>
    public static int PickInRange(int minMs, int maxMs) => maxMs > minMs ? Random.Shared.Next(minMs, maxMs + 1) : minMs;

    /// <summary>The status, body and content type to answer with, for the kinds that answer.</summary>
    public (int Status, string Body, string ContentType) Answer()
    {
        var (status, body, contentType) = EffectiveKind switch
        {
            "malformed-json" => (200, "{\"statusCode\":200,\"messages\":\"success\",\"data\":{\"customerId\":\"9de4b4b4", "application/json; charset=utf-8"),
            "html" => (502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", "text/html"),
            "text" => (502, "Bad Gateway", "text/plain; charset=utf-8"),
            "error-200" => (200, "{\"statusCode\":500,\"messages\":\"Internal Server Error\"}", "application/json; charset=utf-8"),
            _ => (Status ?? 500, (string?)null, "application/json; charset=utf-8"),
        };

        status = Status ?? status;
        body = Body ?? body ?? string.Format(CultureInfo.InvariantCulture, "{{\"statusCode\":{0},\"messages\":\"Injected fault {0}\"}}", status);
        return (status, body, ContentType ?? contentType);
    }

    /// <summary>
    /// Parses the command-line form "kind=status,status=503,count=2,path=/credit/…,retry-after=1,delay=100-300".
    /// </summary>
    public static FaultRule Parse(string text)
    {
        var rule = new FaultRule();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new ArgumentException($"--fault: '{part}' is not name=value.");
            }

            var name = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            switch (name)
            {
                case "kind": rule.Kind = value; break;
                case "method": rule.Method = value; break;
                case "path": rule.Path = value; break;
                case "count": rule.Count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "status": rule.Status = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "retry-after": rule.RetryAfter = value; break;
                case "content-type": rule.ContentType = value; break;
                case "body": rule.Body = value; break;
                case "hold": rule.HoldMs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "delay":
                    var (min, max) = ParseRange(value, "--fault delay");
                    rule.DelayMs = min;
                    rule.DelayMaxMs = max;
                    break;
                default: throw new ArgumentException($"--fault: unknown setting '{name}'.");
            }
        }

        var problem = rule.Problem();
        return problem is null ? rule : throw new ArgumentException("--fault: " + problem + ".");
    }

    /// <summary>"100" or "50-200" (milliseconds).</summary>
    public static (int Min, int Max) ParseRange(string value, string option)
    {
        var dash = value.IndexOf('-');
        var min = int.Parse(dash < 0 ? value : value[..dash], CultureInfo.InvariantCulture);
        var max = dash < 0 ? min : int.Parse(value[(dash + 1)..], CultureInfo.InvariantCulture);
        if (min < 0 || max < min)
        {
            throw new ArgumentException($"{option} must be MS or MIN-MAX with 0 <= MIN <= MAX, not '{value}'.");
        }

        return (min, max);
    }

    public string Describe()
    {
        var parts = new List<string>();
        if (EffectiveKind != "status")
        {
            parts.Add(EffectiveKind);
        }

        if (DelayMs > 0 || DelayMaxMs > 0)
        {
            parts.Add(DelayMaxMs > DelayMs ? $"delay {DelayMs}-{DelayMaxMs} ms" : $"delay {DelayMs} ms");
        }

        if (Status is int status)
        {
            parts.Add($"status {status}");
        }

        if (RetryAfter is not null)
        {
            parts.Add($"retry-after {RetryAfter}");
        }

        if (HoldMs > 0)
        {
            parts.Add($"hold {HoldMs} ms");
        }

        return string.Join(", ", parts);
    }
}
