using System;

namespace Mayar.Credit.Client;

/// <summary>
/// A customer's membership of a membership product (docs/api/mayar-api.md §12). Its <see cref="MemberId"/>,
/// <see cref="ProductId"/>, <see cref="MembershipTierId"/> and <see cref="CustomerId"/> bind by property name, so
/// a member pipes into Get-MayarCreditBalance.
/// </summary>
public sealed class MayarMember
{
    /// <summary>The member id (8 letters or digits, e.g. PQVS4KGY).</summary>
    public string MemberId { get; set; } = string.Empty;

    /// <summary>The membership product's id (a UUID).</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The tier's id (a UUID).</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The tier's name.</summary>
    public string? MembershipTierName { get; set; }

    /// <summary>The customer's id (a UUID).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The customer's name.</summary>
    public string? Name { get; set; }

    /// <summary>The customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The customer's mobile number.</summary>
    public string? Mobile { get; set; }

    /// <summary>active, stopped, inactive or finished.</summary>
    public string? Status { get; set; }

    /// <summary>When the next payment is due.</summary>
    public DateTimeOffset? NextPayment { get; set; }

    /// <summary>Whether the member is in a trial; only one member read by id says.</summary>
    public bool? IsInTrial { get; set; }

    /// <summary>When the membership was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the membership last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The membership record's own id (a UUID), which no other endpoint takes.</summary>
    public string? RecordId { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{MemberId} ({Email})";
}
