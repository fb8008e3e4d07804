using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets a customer's credit balance in a Mayar credit product, or a member's in a membership tier.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCreditBalance", DefaultParameterSetName = CustomerSet)]
[OutputType(typeof(CreditBalance))]
public sealed class GetMayarCreditBalanceCommand : MayarOperationCmdlet<CreditBalanceQuery>
{
    private const string CustomerSet = "Customer";
    private const string MemberSet = "Member";

    /// <summary>The customer's id (UUID), e.g. from Register-MayarCustomer.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CustomerSet, ValueFromPipelineByPropertyName = true)]
    [Alias("customer_id")]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The membership member id (8 letters or digits); replaces -CustomerId for a membership balance.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MemberSet, ValueFromPipelineByPropertyName = true)]
    [Alias("member_id")]
    public string MemberId { get; set; } = string.Empty;

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>
    /// The membership tier's id (UUID): optional with -CustomerId, required with -MemberId. It binds by property name in
    /// the Member set only: PowerShell binds pipeline properties of the default set first and stays in that set, so a
    /// by-property-name tier in the Customer set would pull a row of member_id and membership_tier_id into the Customer
    /// set and refuse it for want of a customer id.
    /// </summary>
    [Parameter(ParameterSetName = CustomerSet)]
    [Parameter(Mandatory = true, ParameterSetName = MemberSet, ValueFromPipelineByPropertyName = true)]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    private protected override CreditBalanceQuery BuildRequest() => ParameterSetName == MemberSet
        ? new() { MemberId = MemberId, ProductId = ProductId, MembershipTierId = MembershipTierId }
        : new() { CustomerId = CustomerId, ProductId = ProductId, MembershipTierId = MembershipTierId };

    private protected override MayarOperation CreateOperation(CreditBalanceQuery request) => new GetCreditBalanceOperation(request);
}
