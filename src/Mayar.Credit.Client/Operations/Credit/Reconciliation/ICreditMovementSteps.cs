using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>What the reconciler asks of a credit movement operation, on results it sees only as objects.</summary>
internal interface ICreditMovementSteps : ICreditMovement
{
    /// <summary>The account whose history shows the movement: customer, product and tier.</summary>
    string Account { get; }

    /// <summary>The result to report when the history shows the movement applied as <paramref name="matched"/>.</summary>
    object Reconciled(IReadOnlyList<CreditHistoryEntry> matched);

    /// <summary>A spend's split as its result reports it (null when unknown, and for a top-up).</summary>
    IReadOnlyList<CreditWalletPart>? PartsOf(object result);

    /// <summary>What the journal records of a done result.</summary>
    CreditJournalOutcome OutcomeOf(object result);

    /// <summary>The result a journal's done row stands for (FromJournal).</summary>
    object FromJournal(CreditJournalOutcome outcome);

    /// <summary>Stamps the row's key on a result.</summary>
    void SetReference(object result, string? reference);
}
