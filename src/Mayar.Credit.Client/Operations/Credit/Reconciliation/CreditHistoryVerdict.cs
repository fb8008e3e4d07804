using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>What one check of the history concluded: found, not found or unknown, the entries, and why.</summary>
internal sealed class CreditHistoryVerdict
{
    public CreditHistoryVerdict(CreditMatchOutcome outcome, IReadOnlyList<CreditHistoryEntry> entries, string why, DateTimeOffset since)
    {
        Outcome = outcome;
        Entries = entries;
        Why = why;
        Since = since;
    }

    /// <summary>Found, NotFound, or Ambiguous (which stands for every "cannot tell": unreadable, capped, stopped).</summary>
    public CreditMatchOutcome Outcome { get; }

    public IReadOnlyList<CreditHistoryEntry> Entries { get; }

    public string Why { get; }

    /// <summary>The server time the window starts at (for the check command).</summary>
    public DateTimeOffset Since { get; }
}
