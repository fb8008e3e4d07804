using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>A customer's credit balance in one product.</summary>
public sealed class CreditBalance
{
    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>Total credit (main + add-on).</summary>
    public decimal Balance { get; set; }

    /// <summary>Credit in the MAIN wallet (MEMBERSHIP for membership products).</summary>
    public decimal MainBalance { get; set; }

    /// <summary>Credit in the ADD_ON wallet (trial and merchant top-ups).</summary>
    public decimal AddonBalance { get; set; }

    /// <summary>
    /// Credit in the MEMBERSHIP wallet when the reply names it (customerBalanceMembership); null for a credit-usage
    /// balance. The same figure is also in <see cref="MainBalance"/>, as before.
    /// </summary>
    public decimal? MembershipBalance { get; set; }

    /// <summary>The membership tier's id, for a membership balance.</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The membership member id, for a membership balance.</summary>
    public string? MemberId { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} credit (main {1}, add-on {2}) for customer {3} in product {4}", Balance, MainBalance, AddonBalance, CustomerId, ProductId);
}
