using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md §12: GET one member of a membership product by member id (404 "Member dengan ID …
/// tidak ditemukan." for one it has not), read like a row of the list.
/// </summary>
public sealed class GetMemberOperation : JsonOperation<GetMemberRequest, MayarMember>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.MembershipMember);

    private readonly string _productId;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetMemberOperation(GetMemberRequest request)
        : base(Declared, request)
    {
        var memberId = MayarInputRules.MemberId(Request.MemberId, nameof(Request.MemberId));
        _productId = MayarInputRules.Uuid(Request.ProductId, nameof(Request.ProductId));
        SendQuery(new MayarQuery(Route).Segment("memberId", memberId).Add("productId", _productId));
    }

    internal override MayarMember Read(MayarPayload payload) =>
        GetMembersPageOperation.ToMember(payload.Read(MayarJsonContext.Wire.MemberPayload), _productId, payload);
}
