using System.Collections.Generic;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets the members of a Mayar membership product, or one member by id.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarMember", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(MayarMember))]
public sealed class GetMayarMemberCommand : MayarListCmdlet<GetMemberRequest, MayarMember>
{
    private const string ListSet = "List";
    private const string MemberSet = "Member";

    /// <summary>The membership product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    /// <summary>The member id (8 letters or digits): reads that member only.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = MemberSet, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("member_id")]
    public string? MemberId { get; set; }

    /// <summary>Lists only the members with this status.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("active", "stopped", "inactive", "finished")]
    public string? Status { get; set; }

    private protected override int MaxPageSize => GetMembersPageOperation.MaxPageSize;

    private protected override IEnumerable<GetMemberRequest> BuildRequests() =>
        new[] { new GetMemberRequest { ProductId = ProductId, MemberId = ParameterSetName == MemberSet ? MemberId : null, Status = Status } };

    private protected override string? RowIdentity(GetMemberRequest request) => request.MemberId ?? request.ProductId;

    private protected override MayarOperation<MayarMember>? CreateSingleRead(GetMemberRequest request) =>
        ParameterSetName == MemberSet ? new GetMemberOperation(request) : null;

    private protected override MayarOperation<MayarPage<MayarMember>> CreateFirstPage(GetMemberRequest request, int pageSize) =>
        new GetMembersPageOperation(request, pageSize);
}
