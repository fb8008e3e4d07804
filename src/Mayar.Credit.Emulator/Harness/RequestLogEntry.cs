using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>One API request as the emulator saw it. The Authorization header is never recorded.</summary>
public sealed class RequestLogEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public string Method { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public string Query { get; set; } = string.Empty;

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string Body { get; set; } = string.Empty;

    public bool Authorized { get; set; }

    /// <summary>True when the request reached the endpoint's logic (not answered by a fault or auth failure).</summary>
    public bool Processed { get; set; }

    /// <summary>The status sent; 0 when no answer was sent (a dropped or hung request).</summary>
    public int Status { get; set; }

    /// <summary>True when the emulator closed the connection instead of answering.</summary>
    public bool Dropped { get; set; }

    public string? Fault { get; set; }

    /// <summary>
    /// The route pattern of the endpoint the request was routed to (the fallback's catch-all for an unmapped path).
    /// For the tests only: not in /_emulator/requests.
    /// </summary>
    [JsonIgnore]
    public string? Endpoint { get; set; }
}
