using System;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md §12: GET one cursor page of a membership product's members. The rows carry the customer
/// and the tier as flattened dotted keys ("customer.email", "membershipTier.name"); one member read by id
/// (<see cref="GetMemberOperation"/>) nests them, and <see cref="WireMemberRow"/> reads both.
/// </summary>
public sealed class GetMembersPageOperation : CursorPageOperation<MayarMember>
{
    /// <summary>The statuses a member has (the list's filter and the update's "status").</summary>
    public static readonly string[] Statuses = { "active", "stopped", "inactive", "finished" };

    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.MembershipMembers);

    private readonly string _productId;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the first page.</summary>
    public GetMembersPageOperation(GetMemberRequest request, int pageSize = DefaultPageSize)
        : this(Given(request, nameof(request)), MayarInputRules.Uuid(request.ProductId, nameof(request.ProductId)), pageSize)
    {
    }

    private GetMembersPageOperation(GetMemberRequest request, string productId, int pageSize)
        : base(Declared, new MayarQuery(Declared.Route).Add("productId", productId).Add("status", Status(request)), pageSize)
    {
        _productId = productId;
    }

    internal override MayarPage<MayarMember> Read(MayarPayload payload) =>
        ReadPage(payload, MayarJsonContext.Wire.MembersPagePayload, member => ToMember(member, _productId, payload));

    internal static MayarMember ToMember(WireMemberRow member, string productId, MayarPayload payload) => new()
    {
        MemberId = MayarPayload.FirstNonBlank(member.MemberId) ?? throw payload.Invalid("A member has no memberId"),
        ProductId = MayarPayload.FirstNonBlank(member.PaymentLink?.Id, member.ProductId) ?? productId,
        MembershipTierId = MayarPayload.FirstNonBlank(member.MembershipTierId, member.MembershipTier?.Id),
        MembershipTierName = MayarPayload.FirstNonBlank(member.MembershipTierName, member.MembershipTier?.Name),
        CustomerId = MayarPayload.FirstNonBlank(member.CustomerId, member.Customer?.Id),
        Name = MayarPayload.FirstNonBlank(member.CustomerName, member.Customer?.Name),
        Email = MayarPayload.FirstNonBlank(member.CustomerEmail, member.Customer?.Email),
        Mobile = MayarPayload.FirstNonBlank(member.CustomerMobile, member.Customer?.Mobile),
        Status = MayarPayload.FirstNonBlank(member.Status),
        NextPayment = member.NextPayment,
        IsInTrial = member.IsInTrial,
        CreatedAt = member.CreatedAt,
        UpdatedAt = member.UpdatedAt,
        RecordId = MayarPayload.FirstNonBlank(member.Id),
    };

    private static string? Status(GetMemberRequest request) =>
        MayarInputRules.Optional(request.Status, nameof(request.Status), (value, name) => MayarInputRules.OneOf(value, name, Statuses));

    /// <summary>A member as the list (dotted keys) or the detail (nested objects) sends it.</summary>
    internal sealed class WireMemberRow
    {
        public string? Id { get; set; }

        public string? MemberId { get; set; }

        public string? ProductId { get; set; }

        public string? CustomerId { get; set; }

        public string? MembershipTierId { get; set; }

        public string? Status { get; set; }

        public bool? IsInTrial { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? NextPayment { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        [JsonPropertyName("membershipTier.name")]
        public string? MembershipTierName { get; set; }

        [JsonPropertyName("customer.name")]
        public string? CustomerName { get; set; }

        [JsonPropertyName("customer.email")]
        public string? CustomerEmail { get; set; }

        [JsonPropertyName("customer.mobile")]
        public string? CustomerMobile { get; set; }

        public WireNamed? Customer { get; set; }

        public WireNamed? MembershipTier { get; set; }

        public WireNamed? PaymentLink { get; set; }
    }

    /// <summary>A nested object of the detail: the customer, the tier or the product.</summary>
    internal sealed class WireNamed
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Mobile { get; set; }
    }
}
