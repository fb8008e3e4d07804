using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>What a credit journal records after a send's outcome is known (or known to be unknown).</summary>
public sealed class CreditJournalOutcome
{
    /// <summary><see cref="CreditJournalStatus.Done"/>, <see cref="CreditJournalStatus.NotApplied"/> or <see cref="CreditJournalStatus.Unknown"/>.</summary>
    public CreditJournalStatus Status { get; set; }

    /// <summary>When the outcome was known, in the server's clock.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>True when the outcome was found in the credit history rather than in the send's answer.</summary>
    public bool Reconciled { get; set; }

    /// <summary>The ids of the credit history entries that are this movement.</summary>
    public IReadOnlyList<string> MatchedEntryIds { get; set; } = Array.Empty<string>();

    /// <summary>The balance after a top-up.</summary>
    public decimal? BalanceAfter { get; set; }

    /// <summary>The wallet a spend was taken from.</summary>
    public string? Wallet { get; set; }

    /// <summary>How much of a spend came from the wallet.</summary>
    public decimal? FromWallet { get; set; }

    /// <summary>How much of a spend came from the add-on credit.</summary>
    public decimal? FromAddOn { get; set; }

    /// <summary>Why the credit did not move, or why the outcome is unknown (text for people).</summary>
    public string? Reason { get; set; }

    /// <summary>The command that checks an unknown outcome.</summary>
    public string? Check { get; set; }

    /// <summary>
    /// The send time in the server's clock as known when the outcome was: exact where the send record's could not be
    /// (a process's first sends leave before any answer has told the server's time). Null when not known better.
    /// </summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How far <see cref="SentAt"/> may be off.</summary>
    public TimeSpan? ClockUncertainty { get; set; }

    /// <summary>A copy (with its own list of ids), so that the journal's rows do not change when the caller reuses the object it recorded.</summary>
    internal CreditJournalOutcome Copy()
    {
        var copy = (CreditJournalOutcome)MemberwiseClone();
        copy.MatchedEntryIds = new List<string>(MatchedEntryIds ?? Array.Empty<string>()).ToArray();
        return copy;
    }
}
