using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/seeds/002-credit-balance.txt and M2: GET a customer's credit balance in a product, or a member's in a membership tier.</summary>
public sealed class GetCreditBalanceOperation : JsonOperation<GetCreditBalanceRequest, CreditBalance>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.CreditBalance);

    private readonly string? _customerId;
    private readonly string _productId;
    private readonly string? _membershipTierId;
    private readonly string? _memberId;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetCreditBalanceOperation(GetCreditBalanceRequest request)
        : base(Declared, request)
    {
        // A member id may replace the customer id; the tier is then required (M2).
        if (string.IsNullOrWhiteSpace(Request.MemberId))
        {
            _customerId = MayarInputRules.Uuid(Request.CustomerId, nameof(Request.CustomerId));
        }
        else
        {
            _memberId = MayarInputRules.MemberId(Request.MemberId, nameof(Request.MemberId));
            _customerId = string.IsNullOrWhiteSpace(Request.CustomerId) ? null : MayarInputRules.Uuid(Request.CustomerId, nameof(Request.CustomerId));
            _ = MayarInputRules.Uuid(Request.MembershipTierId, nameof(Request.MembershipTierId));
        }

        _productId = MayarInputRules.Uuid(Request.ProductId, nameof(Request.ProductId));
        _membershipTierId = string.IsNullOrWhiteSpace(Request.MembershipTierId) ? null : MayarInputRules.Uuid(Request.MembershipTierId, nameof(Request.MembershipTierId));
        SendQuery(new MayarQuery(Route)
            .Add("customerId", _customerId)
            .Add("productId", _productId)
            .Add("membershipTierId", _membershipTierId)
            .Add("memberId", _memberId));
    }

    internal override CreditBalance Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.CreditBalancePayload);
        var main = reply.CustomerMainBalance ?? reply.CustomerBalanceMain ?? reply.CustomerBalanceMembership;
        var addon = reply.CustomerBalanceAddon;
        var total = reply.CustomerBalance;

        // Tolerate one missing figure when the other two determine it.
        total ??= main + addon;
        main ??= total - addon;
        addon ??= total - main;
        if (total is null)
        {
            throw payload.Invalid("The response has no customerBalance");
        }

        return new CreditBalance
        {
            CustomerId = MayarPayload.FirstNonBlank(reply.CustomerId, _customerId) ?? string.Empty,
            ProductId = MayarPayload.FirstNonBlank(reply.ProductId) ?? _productId,
            Balance = total.Value,
            MainBalance = main ?? 0m,
            AddonBalance = addon ?? 0m,
            MembershipBalance = reply.CustomerBalanceMembership,
            MembershipTierId = MayarPayload.FirstNonBlank(reply.MembershipTierId, _membershipTierId),
            MemberId = MayarPayload.FirstNonBlank(reply.MemberId, _memberId),
        };
    }

    /// <summary>The reply's payload: each spelling of the main wallet the documents use has its own property.</summary>
    internal sealed class WirePayload
    {
        public string? CustomerId { get; set; }

        public string? ProductId { get; set; }

        public decimal? CustomerBalance { get; set; }

        public decimal? CustomerMainBalance { get; set; }

        public decimal? CustomerBalanceMain { get; set; }

        public decimal? CustomerBalanceMembership { get; set; }

        public decimal? CustomerBalanceAddon { get; set; }

        public string? MembershipTierId { get; set; }

        public string? MemberId { get; set; }
    }
}
