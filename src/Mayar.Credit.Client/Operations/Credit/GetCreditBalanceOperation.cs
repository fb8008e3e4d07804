using System;
using System.Net.Http;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>Seed 002: GET a customer's credit balance in a product.</summary>
public sealed class GetCreditBalanceOperation : MayarOperation<CreditBalance>
{
    private readonly string _customerId;
    private readonly string _productId;
    private readonly string _query;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetCreditBalanceOperation(CreditBalanceQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        _customerId = MayarInputRules.Uuid(query.CustomerId, nameof(query.CustomerId));
        _productId = MayarInputRules.Uuid(query.ProductId, nameof(query.ProductId));
        _query = "customerId=" + Uri.EscapeDataString(_customerId) + "&productId=" + Uri.EscapeDataString(_productId);
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
            CustomerId = MayarPayload.FirstNonBlank(reply.CustomerId) ?? _customerId,
            ProductId = MayarPayload.FirstNonBlank(reply.ProductId) ?? _productId,
            Balance = total.Value,
            MainBalance = main ?? 0m,
            AddonBalance = addon ?? 0m,
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
    }
}
