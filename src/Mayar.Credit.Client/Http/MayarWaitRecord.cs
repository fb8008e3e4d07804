using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>A wait before sending, as traced for -Verbose: a retry's backoff or the connection's pacing.</summary>
public sealed class MayarWaitRecord
{
    /// <summary>Creates a record.</summary>
    public MayarWaitRecord(string method, string path, int nextAttempt, TimeSpan delay, string reason, bool isServerRequested = false)
    {
        IsServerRequested = isServerRequested;
        Method = method;
        Path = path;
        NextAttempt = nextAttempt;
        Delay = delay;
        Reason = reason;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, without the query string.</summary>
    public string Path { get; }

    /// <summary>The attempt the wait comes before (1 for the first).</summary>
    public int NextAttempt { get; }

    /// <summary>How long.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why: the failure being retried, or the pacing.</summary>
    public string Reason { get; }

    /// <summary>True when the server asked for the wait (a Retry-After header).</summary>
    public bool IsServerRequested { get; }

    /// <summary>"Waiting 1.3 s before attempt 2 of GET /credit/v1/credit/customer/balance: 503".</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "Waiting {0:0.0} s before attempt {1} of {2} {3}: {4}", Delay.TotalSeconds, NextAttempt, Method, Path, Reason);
}
