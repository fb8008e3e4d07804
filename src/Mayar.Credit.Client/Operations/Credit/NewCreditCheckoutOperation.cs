using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C6: POST a request for an immutable checkout link (the buyer's details fixed in a signed token).</summary>
public sealed class NewCreditCheckoutOperation : JsonOperation<NewCreditCheckoutRequest, CreditCheckout>
{
    /// <summary>
    /// A second request makes a second link. Generating a link moves no credit and no money by itself, but it is a
    /// POST whose server-side effect the documents leave open (is the link recorded, how long does it live:
    /// docs/api/mayar-api.md §18 question 9), and every link sent twice can be paid twice. So the transport sends it again
    /// only when it certainly did not arrive, it asks ShouldProcess, and a failure after sending says to check
    /// before running it again.
    /// </summary>
    private static readonly MayarEndpoint Declared = MayarEndpoint.Write(MayarRoutes.CreditCheckout, RepeatAnswer.Duplicate);

    private readonly WireBody _body;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public NewCreditCheckoutOperation(NewCreditCheckoutRequest request)
        : base(Declared, request)
    {
        _body = SendBody(
            new WireBody
            {
                ProductId = MayarInputRules.Uuid(Request.ProductId, nameof(Request.ProductId)),
                CreditAmount = MayarInputRules.CreditAmount(Request.CreditAmount, nameof(Request.CreditAmount)),
                CustomerInfo = RegisterCreditCustomerOperation.WireCustomerInfo.From(Request.Name, Request.Email, Request.Mobile),
            },
            MayarJsonContext.Wire.CreditCheckoutBody);
    }

    internal override CreditCheckout Read(MayarPayload payload)
    {
        // Rev B has the URLs at the root, the V2-tab copy in data (lifted before this), Rev A (membership) has
        // data.membershipTiers[{id, specificPaymentLinkUrl}] and data.paymentLinkUrl.
        var reply = payload.Read(MayarJsonContext.Wire.CreditCheckoutPayload);
        var tiers = new List<CreditCheckoutTier>();
        foreach (var tier in reply.MembershipTiers ?? new List<WireTier?>())
        {
            var url = MayarPayload.FirstNonBlank(tier?.SpecificPaymentLinkUrl, tier?.CreditUsageImmutableCheckoutUrl);
            if (url is null)
            {
                throw payload.Invalid("A membership tier in the response has no specificPaymentLinkUrl");
            }

            tiers.Add(new CreditCheckoutTier { MembershipTierId = tier!.Id?.Trim() ?? string.Empty, CheckoutUrl = url });
        }

        var checkoutUrl = MayarPayload.FirstNonBlank(reply.CreditUsageImmutableCheckoutUrl);
        if (checkoutUrl is null && tiers.Count == 0)
        {
            throw payload.Invalid("The response has no creditUsageImmutableCheckoutUrl and no membershipTiers");
        }

        return new CreditCheckout
        {
            ProductId = _body.ProductId,
            Name = _body.CustomerInfo.Name,
            Email = _body.CustomerInfo.Email,
            Mobile = _body.CustomerInfo.Mobile,
            CreditAmount = _body.CreditAmount,
            CheckoutUrl = checkoutUrl,
            PaymentLinkUrl = MayarPayload.FirstNonBlank(reply.PaymentLinkUrl),
            Tiers = tiers,
        };
    }

    /// <summary>The body as C6 shows it; property order is the document's.</summary>
    internal sealed class WireBody
    {
        [JsonPropertyName("productId")]
        public string ProductId { get; set; } = string.Empty;

        [JsonPropertyName("creditAmount")]
        public long? CreditAmount { get; set; }

        [JsonPropertyName("customerInfo")]
        public RegisterCreditCustomerOperation.WireCustomerInfo CustomerInfo { get; set; } = new();
    }

    /// <summary>The reply's payload (after <c>data</c> is lifted).</summary>
    internal sealed class WirePayload
    {
        public string? CreditUsageImmutableCheckoutUrl { get; set; }

        public string? PaymentLinkUrl { get; set; }

        public List<WireTier?>? MembershipTiers { get; set; }
    }

    /// <summary>One membership tier's link (Rev A).</summary>
    internal sealed class WireTier
    {
        public string? Id { get; set; }

        public string? SpecificPaymentLinkUrl { get; set; }

        public string? CreditUsageImmutableCheckoutUrl { get; set; }
    }
}
