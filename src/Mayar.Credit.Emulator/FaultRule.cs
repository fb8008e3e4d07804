namespace Mayar.Credit.Emulator;

/// <summary>
/// An injected fault for the next <see cref="Count"/> requests that match <see cref="Method"/> and
/// <see cref="Path"/> (null matches any). With <see cref="Status"/> the request is answered with it and
/// never processed; with only <see cref="DelayMs"/> it is delayed and then processed normally.
/// </summary>
public sealed class FaultRule
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    /// <summary>How many matching requests it applies to; 0 or less: every one until cleared.</summary>
    public int Count { get; set; } = 1;

    public int? Status { get; set; }

    /// <summary>The body to send with <see cref="Status"/>; default: a JSON error body for the status.</summary>
    public string? Body { get; set; }

    public string? ContentType { get; set; }

    /// <summary>A Retry-After header value (seconds or an HTTP date).</summary>
    public string? RetryAfter { get; set; }

    public int DelayMs { get; set; }
}
