using System;

namespace Mayar.Credit.Client;

/// <summary>
/// A customer of the merchant's Mayar account (docs/api/mayar-api.md K1, K2). Its <see cref="CustomerId"/> binds by property
/// name to the cmdlets that take one. The merchant's own account data the detail reply embeds is not kept.
/// </summary>
public sealed class MayarCustomerSummary
{
    /// <summary>The customer's id (a UUID).</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Email address.</summary>
    public string? Email { get; set; }

    /// <summary>Full name.</summary>
    public string? Name { get; set; }

    /// <summary>Mobile number.</summary>
    public string? Mobile { get; set; }

    /// <summary>active or inactive.</summary>
    public string? Status { get; set; }

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the customer last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The id of the merchant user the customer belongs to.</summary>
    public string? UserId { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Email} ({CustomerId})";
}
