using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>mayar-api.md C6: POST a request for an immutable checkout link (the buyer's details fixed in a signed token).</summary>
public sealed class NewCreditCheckoutOperation : MayarOperation<CreditCheckout>
{
    private readonly WireBody _body;
    private readonly byte[] _bytes;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public NewCreditCheckoutOperation(CreditCheckoutRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        _body = new WireBody
        {
            ProductId = MayarInputRules.Uuid(request.ProductId, nameof(request.ProductId)),
            CreditAmount = MayarInputRules.CreditAmount(request.CreditAmount, nameof(request.CreditAmount)),
            CustomerInfo = RegisterCreditCustomerOperation.WireCustomerInfo.From(request.Name, request.Email, request.Mobile),
        };
        _bytes = JsonSerializer.SerializeToUtf8Bytes(_body, MayarJsonContext.Wire.CreditCheckoutBody);
    }

    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Post;

    /// <inheritdoc />
    public override string Route => MayarRoutes.CreditCheckout;

    /// <summary>
    /// Treated as a write that is not repeatable. Generating a link moves no credit and no money by itself, but it is
    /// a POST whose server-side effect the documents leave open (is the link recorded, how long does it live:
    /// mayar-api.md §18 question 9), and every link sent twice can be paid twice. It is not
    /// <see cref="RepeatSafety.AnswersConflict"/> (a second request is not refused) nor a <see cref="RepeatSafety.Read"/>
    /// (a read is never confirmed, while this asks ShouldProcess). So the transport sends it again only when it
    /// certainly did not arrive, and a failure after sending says to check before running it again.
    /// </summary>
    public override RepeatSafety RepeatSafety => RepeatSafety.NotRepeatable;

    internal override byte[]? Body => _bytes;

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
