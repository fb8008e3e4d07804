using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>Credit added to a customer's account (a merchant top-up, into the ADD_ON wallet).</summary>
public sealed class CreditTopUp
{
    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The credit added.</summary>
    public decimal Amount { get; set; }

    /// <summary>The customer's balance after it, when the API says (not after a reconciliation).</summary>
    public decimal? BalanceAfter { get; set; }

    /// <summary>The membership tier, for a membership product.</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The member id, when one was given.</summary>
    public string? MemberId { get; set; }

    /// <summary>The history entries the reconciliation matched (their ids); empty unless <see cref="Reconciled"/>.</summary>
    public string[] MatchedEntryId { get; set; } = System.Array.Empty<string>();

    /// <summary>True when the result was read from the -JournalPath journal of an earlier run: nothing was sent.</summary>
    public bool FromJournal { get; set; }

    /// <summary>The row's key in the journal (-Reference, or derived from the row); null without a journal or reference.</summary>
    public string? Reference { get; set; }

    /// <summary>True when the answer was lost and the customer's credit history showed the top-up applied.</summary>
    public bool Reconciled { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "+{0} credit for customer {1} in product {2}", Amount, CustomerId, ProductId);
}
