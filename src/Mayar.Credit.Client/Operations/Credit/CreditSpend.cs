using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>Credit spent from a customer's account, with the split over its wallets when the API gives it.</summary>
public sealed class CreditSpend
{
    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The credit spent.</summary>
    public decimal Amount { get; set; }

    /// <summary>MAIN (credit-usage products) or MEMBERSHIP (membership products), when the API names it.</summary>
    public string? Wallet { get; set; }

    /// <summary>The part taken from <see cref="Wallet"/>, when the API gives the split.</summary>
    public decimal? FromWallet { get; set; }

    /// <summary>The part taken from the ADD_ON wallet, when the API gives the split.</summary>
    public decimal? FromAddOn { get; set; }

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

    /// <summary>True when the answer was lost and the customer's credit history showed the spend applied.</summary>
    public bool Reconciled { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "-{0} credit for customer {1} in product {2}", Amount, CustomerId, ProductId);
}
