using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>
/// What the client concluded, from the customer's credit history, about a credit movement whose answer was lost:
/// it was applied (and is reported as done), or it was not (and is sent again or reported as not applied).
/// </summary>
public sealed class MayarReconcileRecord
{
    /// <summary>Creates a record.</summary>
    public MayarReconcileRecord(string method, string path, string failure, string historyType, decimal amount, DateTimeOffset? foundAt)
    {
        Method = method;
        Path = path;
        Failure = failure;
        HistoryType = historyType;
        Amount = amount;
        FoundAt = foundAt;
    }

    /// <summary>The HTTP method of the write.</summary>
    public string Method { get; }

    /// <summary>The write's path, without the query string.</summary>
    public string Path { get; }

    /// <summary>How the write failed, e.g. "timeout".</summary>
    public string Failure { get; }

    /// <summary>The history entry type looked for.</summary>
    public string HistoryType { get; }

    /// <summary>The amount looked for.</summary>
    public decimal Amount { get; }

    /// <summary>When the matching entry was made; null when none was found.</summary>
    public DateTimeOffset? FoundAt { get; }

    /// <summary>True when the history shows the write applied.</summary>
    public bool Found => FoundAt is not null;

    /// <inheritdoc />
    public override string ToString() => Found
        ? string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}, but the credit history shows {3} {4} at {5:u}: done, not sent again", Method, Path, Failure, HistoryType, Amount, FoundAt)
        : string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}, and the credit history shows no {3} {4} since it was sent: not applied", Method, Path, Failure, HistoryType, Amount);
}
