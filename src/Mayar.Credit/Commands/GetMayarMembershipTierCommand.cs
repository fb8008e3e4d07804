using System.Collections.Generic;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets the tiers of a Mayar membership product: the -MembershipTierId to register with.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarMembershipTier", SupportsPaging = true)]
[OutputType(typeof(MayarMembershipTier))]
public sealed class GetMayarMembershipTierCommand : MayarListCmdlet<GetMembershipTierRequest, MayarMembershipTier>
{
    /// <summary>The membership product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    private protected override int MaxPageSize => GetMembershipTiersPageOperation.MaxPageSize;

    private protected override IEnumerable<GetMembershipTierRequest> BuildRequests() => new[] { new GetMembershipTierRequest { ProductId = ProductId } };

    private protected override string? RowIdentity(GetMembershipTierRequest request) => request.ProductId;

    private protected override MayarOperation<MayarPage<MayarMembershipTier>> CreateFirstPage(GetMembershipTierRequest request, int pageSize) =>
        new GetMembershipTiersPageOperation(request, pageSize);
}
