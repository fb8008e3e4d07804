using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>What reconciliation needs of a credit movement, whatever its result type.</summary>
public interface ICreditMovement
{
    /// <summary>The customer's id.</summary>
    string CustomerId { get; }

    /// <summary>The product's id.</summary>
    string ProductId { get; }

    /// <summary>The membership tier, if any.</summary>
    string? MembershipTierId { get; }

    /// <summary>The amount moved.</summary>
    decimal Amount { get; }

    /// <summary>The credit history entry type the movement makes.</summary>
    string HistoryType { get; }

    /// <summary>When the entries show the movement; null when they do not.</summary>
    DateTimeOffset? FindIn(IReadOnlyList<CreditHistoryEntry> entries);

    /// <summary>The result to report when the history shows the movement applied.</summary>
    object Reconciled(DateTimeOffset at);
}
