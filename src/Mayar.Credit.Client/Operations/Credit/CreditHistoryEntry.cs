using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>One movement of a customer's credit: a top-up, a trial credit, a use, an expiry.</summary>
public sealed class CreditHistoryEntry
{
    /// <summary>The entry's id.</summary>
    public string? Id { get; set; }

    /// <summary>When the credit moved.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>TOPUP, MERCHANT_TOPUP, TRIAL_TOPUP, EXPIRE_VOID or CREDIT_USAGE.</summary>
    public string? Type { get; set; }

    /// <summary>MAIN, MEMBERSHIP or ADD_ON.</summary>
    public string? WalletType { get; set; }

    /// <summary>The movement, signed: positive when credit was added, negative when it was used or expired.</summary>
    public decimal Amount { get; set; }

    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The membership tier, for a membership product.</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The entry's status (ACTIVE in every documented example).</summary>
    public string? Status { get; set; }

    /// <summary>When the credit of a top-up expires, if it does.</summary>
    public DateTimeOffset? ExpiredAt { get; set; }

    /// <summary>What the entry refers to (for example the membership period an expiry voids), when given.</summary>
    public string? ReferenceId { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0:+0.##;-0.##;0} {1} {2} at {3:u}", Amount, WalletType, Type, CreatedAt);
}
