using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>
/// An immutable checkout link: the buyer's details are fixed in its signed token. A credit-usage product answers
/// with one <see cref="CheckoutUrl"/>; a membership product with one link per tier in <see cref="Tiers"/>.
/// </summary>
public sealed class CreditCheckout
{
    /// <summary>The credit product (payment link) id, as sent.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The buyer's name, as sent.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The buyer's email, as sent.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>The buyer's mobile number, as sent (separators removed).</summary>
    public string Mobile { get; set; } = string.Empty;

    /// <summary>The credit the link sells, as sent; null when none was given.</summary>
    public decimal? CreditAmount { get; set; }

    /// <summary>The immutable checkout URL (creditUsageImmutableCheckoutUrl); null when the product answers with tiers only.</summary>
    public string? CheckoutUrl { get; set; }

    /// <summary>The product's ordinary payment link URL (paymentLinkUrl), when returned.</summary>
    public string? PaymentLinkUrl { get; set; }

    /// <summary>A membership product's per-tier immutable links; empty for a credit-usage product.</summary>
    public IReadOnlyList<CreditCheckoutTier> Tiers { get; set; } = new List<CreditCheckoutTier>();

    /// <inheritdoc />
    public override string ToString() => $"{Email} -> {CheckoutUrl ?? (Tiers.Count + " tier links")}";
}

/// <summary>One membership tier's immutable checkout link.</summary>
public sealed class CreditCheckoutTier
{
    /// <summary>The membership tier's id.</summary>
    public string MembershipTierId { get; set; } = string.Empty;

    /// <summary>The tier's immutable checkout URL (specificPaymentLinkUrl).</summary>
    public string CheckoutUrl { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{MembershipTierId}: {CheckoutUrl}";
}
