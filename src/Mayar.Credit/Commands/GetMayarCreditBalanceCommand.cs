using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets a customer's credit balance in a Mayar credit product, or a member's in a membership tier.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCreditBalance", DefaultParameterSetName = CustomerSet)]
[OutputType(typeof(CreditBalance))]
public sealed class GetMayarCreditBalanceCommand : MayarOperationCmdlet<GetCreditBalanceRequest>
{
    private const string CustomerSet = "Customer";
    private const string MemberSet = "Member";

    /// <summary>
    /// The customer's id (UUID), e.g. from Register-MayarCustomer; several ids read one balance each, and plain ids
    /// bind from the pipeline ('id1', 'id2' | Get-MayarCreditBalance -ProductId $p).
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CustomerSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [PlainTextTransformation]
    [Alias("customer_id")]
    public string?[]? CustomerId { get; set; }

    /// <summary>The membership member id (8 letters or digits); replaces -CustomerId for a membership balance. Several ids read one balance each.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MemberSet, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("member_id")]
    public string?[]? MemberId { get; set; }

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    /// <summary>
    /// The membership tier's id (UUID): optional with -CustomerId, required with -MemberId. It binds by property name in
    /// the Member set only: PowerShell binds pipeline properties of the default set first and stays in that set, so a
    /// by-property-name tier in the Customer set would pull a row of member_id and membership_tier_id into the Customer
    /// set and refuse it for want of a customer id.
    /// </summary>
    [Parameter(ParameterSetName = CustomerSet)]
    [Parameter(Mandatory = true, ParameterSetName = MemberSet, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(MembershipTierCompleter))]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    // One row per id, in the order given (the parameters are mandatory, so there is at least one).
    private protected override GetCreditBalanceRequest BuildRequest() => BuildRequests().First();

    private protected override IEnumerable<GetCreditBalanceRequest> BuildRequests() => ParameterSetName == MemberSet
        ? MayarRows.EachId(MemberId).Select(id => new GetCreditBalanceRequest { MemberId = id, ProductId = ProductId, MembershipTierId = MembershipTierId })
        : MayarRows.EachId(CustomerId).Select(id => new GetCreditBalanceRequest { CustomerId = id, ProductId = ProductId, MembershipTierId = MembershipTierId });

    private protected override string? RowIdentity(GetCreditBalanceRequest request) => request.MemberId ?? request.CustomerId;

    private protected override MayarOperation CreateOperation(GetCreditBalanceRequest request) => new GetCreditBalanceOperation(request);
}
