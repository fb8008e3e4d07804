namespace Mayar.Credit.Client;

/// <summary>One event line read back: a send, or an outcome for a key.</summary>
internal sealed class CreditJournalEvent
{
    private CreditJournalEvent(string key, CreditJournalSend? send, CreditJournalOutcome? outcome)
    {
        Key = key;
        Send = send;
        Outcome = outcome;
    }

    public string Key { get; }

    /// <summary>The send, for a "sent" line.</summary>
    public CreditJournalSend? Send { get; }

    /// <summary>The outcome, for a "done", "not-applied" or "unknown" line.</summary>
    public CreditJournalOutcome? Outcome { get; }

    public static CreditJournalEvent ForSend(CreditJournalSend send) => new(send.Key, send, null);

    public static CreditJournalEvent ForOutcome(string key, CreditJournalOutcome outcome) => new(key, null, outcome);
}
