using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator.Domain;
using Microsoft.AspNetCore.Builder;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// docs/api/mayar-api.md C6: an immutable checkout link. A credit-usage product answers as Rev B, with
/// creditUsageImmutableCheckoutUrl and paymentLinkUrl at the root (in data with the "data" wrapper, as the V2-tab
/// copy); with the MembershipCheckout variant, as Rev A: data:{membershipTiers:[{id, specificPaymentLinkUrl}],
/// paymentLinkUrl}, two tiers a product. The token is as in the examples: base64 of the buyer's JSON, '.', and 64
/// hex characters (here an HMAC-SHA256 of the base64 part).
/// </summary>
internal static class CheckoutEndpoint
{
    public const string Path = MayarRoutes.CreditCheckout;

    /// <summary>The host of the links: the documents show https://&lt;merchant&gt;.myr.id/pl/&lt;slug&gt;.</summary>
    public const string LinkHost = "https://emulator.myr.id";

    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("mayar-credit-emulator-checkout");

    public static void Map(WebApplication app, EmulatorState state) => ApiRequest.Map(app, "POST", Path, state, Generate);

    /// <summary>A membership product's tier ids in the emulator: two, derived from the product's id.</summary>
    public static string[] TierIds(string productId) => new[] { DerivedUuid.Of($"{productId}/tier/1"), DerivedUuid.Of($"{productId}/tier/2") };

    private static ApiResult Generate(ApiRequest request)
    {
        if (request.ObjectBody(out var body) is { } notAnObject)
        {
            return notAnObject;
        }

        var productId = request.Uuid("productId", RequestJson.String(body, "productId"));
        var amount = request.OptionalPositiveWhole("creditAmount");
        var (name, email, mobile) = request.CustomerInfo();
        if (request.Checked(productId) is { } error)
        {
            return error;
        }

        if (!request.Store.IssueCheckout(productId!, email!, amount))
        {
            return ApiError.NotYourProduct;
        }

        var paymentLink = $"{LinkHost}/pl/credit-{productId!.Substring(0, 8)}";
        var buyer = new JsonObject { ["name"] = name, ["email"] = email, ["mobile"] = mobile };
        if (request.Variants.MembershipCheckout)
        {
            var tiers = new JsonArray();
            foreach (var tierId in TierIds(productId))
            {
                var tierBuyer = (JsonObject)buyer.DeepClone();
                tierBuyer["membershipTierId"] = tierId;
                tiers.Add(new JsonObject { ["id"] = tierId, ["specificPaymentLinkUrl"] = Signed(paymentLink, tierBuyer) });
            }

            return Replies.Success(request.Variants, 200, new JsonObject { ["membershipTiers"] = tiers, ["paymentLinkUrl"] = paymentLink }, seedWrapsInData: true);
        }

        if (amount is not null)
        {
            buyer["creditAmount"] = amount;
        }

        var fields = new JsonObject { ["creditUsageImmutableCheckoutUrl"] = Signed(paymentLink, buyer), ["paymentLinkUrl"] = paymentLink };
        return Replies.Success(request.Variants, 200, fields, seedWrapsInData: false);
    }

    private static string Signed(string paymentLink, JsonObject buyer)
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(buyer.ToJsonString(Replies.JsonOutput)));
        var signature = Convert.ToHexString(HMACSHA256.HashData(SigningKey, Encoding.ASCII.GetBytes(payload))).ToLowerInvariant();
        return $"{paymentLink}?immutable={Uri.EscapeDataString(payload + "." + signature)}";
    }
}
