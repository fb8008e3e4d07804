using System;

namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C5: which customer's credit history in which product, and which entries.</summary>
public sealed class GetCreditHistoryRequest
{
    /// <summary>The entry type of a merchant's top-up (add-credit).</summary>
    public const string MerchantTopUp = "MERCHANT_TOPUP";

    /// <summary>The entry type of a use of credit (spend).</summary>
    public const string CreditUsage = "CREDIT_USAGE";

    /// <summary>The entry types the documents list.</summary>
    public static readonly string[] Types = { "TOPUP", "MERCHANT_TOPUP", "TRIAL_TOPUP", "EXPIRE_VOID", "CREDIT_USAGE" };

    /// <summary>The wallets the documents list.</summary>
    public static readonly string[] WalletTypes = { "MAIN", "MEMBERSHIP", "ADD_ON" };

    /// <summary>The customer's id (a UUID).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The credit product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>The membership tier (a UUID), for a membership product (optional).</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>Only entries of this type (one of <see cref="Types"/>; optional).</summary>
    public string? Type { get; set; }

    /// <summary>Only entries of this wallet (one of <see cref="WalletTypes"/>; optional).</summary>
    public string? WalletType { get; set; }

    /// <summary>Only entries at or after this time (optional).</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Only entries at or before this time (optional).</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Oldest first; newest first (the API's default) when false.</summary>
    public bool Ascending { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new GetCreditHistoryPageOperation(this);
}
