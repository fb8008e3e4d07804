using System.Globalization;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// What Add-MayarCredit and Use-MayarCredit share: their parameters, the request built from them, and the
/// -WhatIf text. Each names only its operation and its action.
/// </summary>
public abstract class MayarCreditMovementCmdlet : MayarOperationCmdlet<CreditMovementRequest>
{
    /// <summary>The customer's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("customer_id")]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The credit to move: a whole number of 1 or more.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Credit", "credit_amount")]
    [InvariantDecimalTransformation]
    public decimal Amount { get; set; }

    /// <summary>The membership tier (UUID), for a membership product.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    /// <summary>The member's 8-character id, for a membership product.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("member_id")]
    public string? MemberId { get; set; }

    // An empty CSV cell means "not given".
    private protected override CreditMovementRequest BuildRequest() => new()
    {
        CustomerId = CustomerId,
        ProductId = ProductId,
        Amount = Amount,
        MembershipTierId = string.IsNullOrWhiteSpace(MembershipTierId) ? null : MembershipTierId,
        MemberId = string.IsNullOrWhiteSpace(MemberId) ? null : MemberId,
    };

    private protected override string ConfirmTarget(CreditMovementRequest request) =>
        string.Format(CultureInfo.InvariantCulture, "{0} credit, customer {1} in product {2}", request.Amount, request.CustomerId, request.ProductId);
}
