using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Mayar.Credit.Client;

/// <summary>
/// What the client concluded, from the customer's credit history, about a credit movement whose answer was lost:
/// applied (done, with the entries that matched), not applied (sent again, or reported as not applied), or unknown.
/// </summary>
public sealed class MayarReconcileRecord
{
    /// <summary>Creates a record.</summary>
    public MayarReconcileRecord(string method, string path, string failure, string historyType, decimal amount, string verdict, IReadOnlyList<CreditHistoryEntry> entries, string? note)
    {
        Method = method;
        Path = path;
        Failure = failure;
        HistoryType = historyType;
        Amount = amount;
        Verdict = verdict;
        Entries = entries;
        Note = note;
    }

    /// <summary>The verdict for a movement the history shows applied.</summary>
    public const string Done = "done";

    /// <summary>The verdict for a movement the history shows not applied.</summary>
    public const string NotApplied = "not applied";

    /// <summary>The verdict when the history proves neither.</summary>
    public const string Unknown = "unknown";

    /// <summary>The HTTP method of the write.</summary>
    public string Method { get; }

    /// <summary>The write's path, without the query string.</summary>
    public string Path { get; }

    /// <summary>How the write failed, e.g. "no answer in time".</summary>
    public string Failure { get; }

    /// <summary>The history entry type looked for.</summary>
    public string HistoryType { get; }

    /// <summary>The amount looked for.</summary>
    public decimal Amount { get; }

    /// <summary><see cref="Done"/>, <see cref="NotApplied"/> or <see cref="Unknown"/>.</summary>
    public string Verdict { get; }

    /// <summary>Done: the matched entries; unknown: the candidates (may be empty).</summary>
    public IReadOnlyList<CreditHistoryEntry> Entries { get; }

    /// <summary>Why, in words (the window, the clock, what made it unknown).</summary>
    public string? Note { get; }

    /// <summary>True when the history shows the write applied.</summary>
    public bool Found => Verdict == Done;

    /// <summary>When the (first) matching entry was made; null unless found.</summary>
    public DateTimeOffset? FoundAt => Found ? Entries.Select(e => e.CreatedAt).FirstOrDefault() : null;

    /// <inheritdoc />
    public override string ToString()
    {
        var what = string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}", Method, Path, Failure);
        var note = Note is null ? string.Empty : " (" + Note + ")";
        return Verdict switch
        {
            Done => string.Format(CultureInfo.InvariantCulture, "{0}, but the credit history shows {1} {2} as {3}{4}: done, not sent again", what, HistoryType, Amount, Describe(Entries), note),
            NotApplied => string.Format(CultureInfo.InvariantCulture, "{0}, and the credit history shows no {1} {2} since it was sent{3}: not applied", what, HistoryType, Amount, note),
            _ => string.Format(CultureInfo.InvariantCulture, "{0}; the credit history cannot tell whether {1} {2} was applied{3}: outcome unknown", what, HistoryType, Amount, note),
        };
    }

    /// <summary>"entry 0000…1f at 2026-12-02 10:00:00Z (-120 MAIN)", joined with " and "; the first five, and how many more.</summary>
    public static string Describe(IEnumerable<CreditHistoryEntry> entries)
    {
        var all = entries.ToList();
        var text = string.Join(" and ", all.Take(5).Select(e =>
            string.Format(CultureInfo.InvariantCulture, "entry {0} at {1} ({2:+0.##;-0.##;0} {3})", e.Id ?? "(no id)", e.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "(no time)", e.Amount, e.WalletType)));
        return all.Count > 5 ? text + string.Format(CultureInfo.InvariantCulture, " and {0} more", all.Count - 5) : text;
    }
}
