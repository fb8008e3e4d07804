using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>One HTTP exchange, as traced for -Verbose. Holds no key, header or query value.</summary>
public sealed class MayarRequestRecord
{
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

    /// <summary>"POST /credit/v1/credit/credit-usage/customer/regist -> 200 (312 ms)".</summary>
    public override string ToString()
    {
        var outcome = StatusCode?.ToString(CultureInfo.InvariantCulture) ?? Failure ?? "no response";
        var attempt = Attempt > 1 ? string.Format(CultureInfo.InvariantCulture, ", attempt {0}", Attempt) : string.Empty;
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3:0} ms{4})", Method, Path, outcome, Elapsed.TotalMilliseconds, attempt);
    }
}
