using System;

namespace Mayar.Credit.Client;

/// <summary>One key's state in a credit journal: its latest send and the latest outcome after that send.</summary>
public sealed class CreditJournalRow
{
    /// <summary>Creates a row from its latest send and the outcome after it (null: none yet).</summary>
    public CreditJournalRow(CreditJournalSend send, CreditJournalOutcome? outcome)
    {
        Send = send ?? throw new ArgumentNullException(nameof(send));
        Outcome = outcome;
    }

    /// <summary>The latest send.</summary>
    public CreditJournalSend Send { get; }

    /// <summary>The latest outcome after <see cref="Send"/>; null when the command stopped before it knew one.</summary>
    public CreditJournalOutcome? Outcome { get; }

    /// <summary>The outcome's status, or <see cref="CreditJournalStatus.Sent"/> when there is no outcome.</summary>
    public CreditJournalStatus Status => Outcome?.Status ?? CreditJournalStatus.Sent;

    /// <summary>"INV-7 add Done".</summary>
    public override string ToString() => Send.Key + " " + Send.Kind + " " + Status;
}
