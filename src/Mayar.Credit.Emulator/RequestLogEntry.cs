using System;
using System.Collections.Generic;

namespace Mayar.Credit.Emulator;

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
}
