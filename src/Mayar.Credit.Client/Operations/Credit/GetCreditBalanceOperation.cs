using System;
using System.Net.Http;
using System.Text;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>Seed 002 and M2: GET a customer's credit balance in a product, or a member's in a membership tier.</summary>
public sealed class GetCreditBalanceOperation : MayarOperation<CreditBalance>
{
    private readonly string? _customerId;
    private readonly string _productId;
    private readonly string? _membershipTierId;
    private readonly string? _memberId;
    private readonly string _query;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetCreditBalanceOperation(CreditBalanceQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        // A member id may replace the customer id; the tier is then required (M2).
        if (string.IsNullOrWhiteSpace(query.MemberId))
        {
            _customerId = MayarInputRules.Uuid(query.CustomerId, nameof(query.CustomerId));
        }
        else
        {
            _memberId = MayarInputRules.MemberId(query.MemberId, nameof(query.MemberId));
            _customerId = string.IsNullOrWhiteSpace(query.CustomerId) ? null : MayarInputRules.Uuid(query.CustomerId, nameof(query.CustomerId));
            _ = MayarInputRules.Uuid(query.MembershipTierId, nameof(query.MembershipTierId));
        }

        _productId = MayarInputRules.Uuid(query.ProductId, nameof(query.ProductId));
        _membershipTierId = string.IsNullOrWhiteSpace(query.MembershipTierId) ? null : MayarInputRules.Uuid(query.MembershipTierId, nameof(query.MembershipTierId));

        var text = new StringBuilder();
        if (_customerId is not null)
        {
            text.Append("customerId=").Append(Uri.EscapeDataString(_customerId)).Append('&');
        }

        text.Append("productId=").Append(Uri.EscapeDataString(_productId));
        if (_membershipTierId is not null)
        {
            text.Append("&membershipTierId=").Append(Uri.EscapeDataString(_membershipTierId));
        }

        if (_memberId is not null)
        {
            text.Append("&memberId=").Append(Uri.EscapeDataString(_memberId));
        }

        _query = text.ToString();
    }

    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Get;

    /// <inheritdoc />
    public override string Route => MayarRoutes.CreditBalance;

    /// <inheritdoc />
    public override RepeatSafety RepeatSafety => RepeatSafety.Read;

    internal override string? Query => _query;

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
