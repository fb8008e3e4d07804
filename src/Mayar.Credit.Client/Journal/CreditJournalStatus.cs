namespace Mayar.Credit.Client;

/// <summary>Where a journal row stands.</summary>
public enum CreditJournalStatus
{
    /// <summary>Recorded before the send, with no outcome after it: the command stopped before it knew the outcome.</summary>
    Sent,

    /// <summary>The credit moved.</summary>
    Done,

    /// <summary>The credit did not move; the row may be sent again.</summary>
    NotApplied,

    /// <summary>Whether the credit moved is not known; the outcome's Check says how to find out.</summary>
    Unknown,
}
