using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>What a credit history says of one movement whose answer was lost.</summary>
internal enum CreditMatchOutcome
{
    /// <summary>Exactly one unclaimed entry (or set made together) this movement can have made: it was applied.</summary>
    Found,

    /// <summary>No entry it can have made.</summary>
    NotFound,

    /// <summary>More than one candidate, or entries a concurrent writer may have made: cannot tell.</summary>
    Ambiguous,
}

/// <summary>The verdict and the entries behind it.</summary>
internal sealed class CreditMovementMatch
{
    public CreditMovementMatch(CreditMatchOutcome outcome, IReadOnlyList<CreditHistoryEntry> entries)
    {
        Outcome = outcome;
        Entries = entries;
    }

    public CreditMatchOutcome Outcome { get; }

    /// <summary>Found: the matched entries. Ambiguous: the candidates. NotFound: empty.</summary>
    public IReadOnlyList<CreditHistoryEntry> Entries { get; }

    public static CreditMovementMatch NotFound { get; } = new(CreditMatchOutcome.NotFound, Array.Empty<CreditHistoryEntry>());
}
