using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Adds credit to a customer's account in a Mayar credit product (a merchant top-up).</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "MayarCredit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CreditTopUp))]
public sealed class AddMayarCreditCommand : MayarOperationCmdlet<CreditMovementRequest>
{
    /// <summary>The customer's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("customer_id")]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The credit to add: a whole number of 1 or more.</summary>
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

    private protected override string ConfirmAction => "Add credit";

    private protected override CreditMovementRequest BuildRequest() => CreditMovementInput.Request(CustomerId, ProductId, Amount, MembershipTierId, MemberId);

    private protected override MayarOperation CreateOperation(CreditMovementRequest request) => new AddCreditOperation(request);

    private protected override string ConfirmTarget(CreditMovementRequest request) => CreditMovementInput.Describe(request);
}
