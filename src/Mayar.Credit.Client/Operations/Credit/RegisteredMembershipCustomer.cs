using System;

namespace Mayar.Credit.Client;

/// <summary>
/// A customer registered into a membership tier. MemberId, MembershipTierId and ProductId bind by property name to
/// Get-MayarCreditBalance's Member set.
/// </summary>
public sealed class RegisteredMembershipCustomer
{
    /// <summary>The customer's id in the credit service, when the reply names it.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The member id (8 letters or digits), when the reply names it.</summary>
    public string? MemberId { get; set; }

    /// <summary>The membership product's id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The membership tier's id.</summary>
    public string MembershipTierId { get; set; } = string.Empty;

    /// <summary>The monthly payment period in months (1, 3, 6 or 12).</summary>
    public int MonthlyPeriod { get; set; }

    /// <summary>When the next payment is due, when the reply says.</summary>
    public DateTimeOffset? NextPayment { get; set; }

    /// <summary>The payment link for the membership, when the reply carries one.</summary>
    public string? PaymentLinkUrl { get; set; }

    /// <summary>The name as sent.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The email as sent.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>The mobile number as sent (separators removed).</summary>
    public string Mobile { get; set; } = string.Empty;

    /// <summary>The trial credit requested, if any.</summary>
    public decimal? TrialCredit { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Email} -> member {MemberId} in tier {MembershipTierId} of product {ProductId}";
}
