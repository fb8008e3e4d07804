using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// mayar-api.md K1 and K2: the V2 customers, from the credit registrations (one per email; their UUID ids read the
/// credit endpoints). The list is newest first, a cursor page at a time: "nextStartingAfter" is the last customer's
/// creation time in milliseconds, as a string, and "startingAfter" returns the customers created before it. The
/// detail embeds the merchant's "user" object with a fake webhook URL, as the documents show.
/// </summary>
internal static class HeadlessCustomerEndpoints
{
    public const string ListPath = "/hl/v2/customers";

    public const string DetailPath = "/hl/v2/customers/detail";

    /// <summary>The largest page the API serves.</summary>
    public const int MaxLimit = 50;

    /// <summary>The merchant user every customer belongs to.</summary>
    public const string MerchantUserId = "3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c";

    /// <summary>The webhook URL the detail reply exposes (a client must not pass it on).</summary>
    public const string FakeUrlHook = "https://merchant.example.invalid/mayar/webhook?token=emulator-hook-secret";

    public static void Map(WebApplication app, EmulatorState state)
    {
        ApiRequest.Map(app, "GET", ListPath, state, List);
        ApiRequest.Map(app, "GET", DetailPath, state, Detail);
    }

    private static ApiResult List(ApiRequest request)
    {
        var limit = request.QueryWhole("limit", 10, 1, MaxLimit);
        var cursorText = request.Query("startingAfter");
        long? startingAfter = null;
        if (cursorText.Length > 0)
        {
            if (long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                startingAfter = cursor;
            }
            else
            {
                request.Problem("startingAfter", "The 'startingAfter' field must be a cursor from 'nextStartingAfter'.", "string");
            }
        }

        if (request.Checked() is { } error)
        {
            return error;
        }

        var after = request.Store.HeadlessCustomers().Where(c => startingAfter is null || c.CreatedAtMs < startingAfter).ToList();
        var page = after.Take(limit).ToList();
        var hasMore = after.Count > page.Count;
        var data = new JsonArray();
        foreach (var customer in page)
        {
            data.Add(Customer(customer, request.Variants));
        }

        return ApiResult.Ok(200, new JsonObject
        {
            ["statusCode"] = 200,
            [MessageKey(request.Variants)] = "success",
            ["data"] = data,
            ["hasMore"] = hasMore,
            ["nextStartingAfter"] = hasMore ? page[^1].CreatedAtMs.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private static ApiResult Detail(ApiRequest request)
    {
        var email = request.Query("email").Trim();
        if (email.Length == 0)
        {
            return ApiError.EmailQueryRequired;
        }

        if (request.Store.FindHeadlessCustomer(email) is not { } customer)
        {
            return ApiError.CustomerNotFound;
        }

        var data = Customer(customer, request.Variants);
        data["user"] = new JsonObject
        {
            ["id"] = MerchantUserId,
            ["name"] = "Emulator Merchant",
            ["urlHook"] = FakeUrlHook,
            ["email"] = "merchant@example.invalid",
            ["paymeLink"] = "emulator-merchant",
            ["isSelfDomain"] = false,
            ["accountId"] = "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
            ["account"] = new JsonObject { ["id"] = "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", ["name"] = "Emulator Merchant", ["imageId"] = null, ["logo"] = null },
        };
        // The documents wrap the customer in "data"; the "root" variant puts its fields beside the envelope's.
        return request.Variants.Wrapper == "root"
            ? Replies.Success(request.Variants, 200, data, seedWrapsInData: true)
            : ApiResult.Ok(200, new JsonObject
            {
                ["statusCode"] = 200,
                [MessageKey(request.Variants)] = "success",
                ["data"] = data,
            });
    }

    // Headless V2 writes "messages"; the "message" variant writes the other spelling.
    private static string MessageKey(EmulatorVariants variants) => variants.MessageKey == "message" ? "message" : "messages";

    private static JsonObject Customer(HeadlessCustomer customer, EmulatorVariants variants) => new()
    {
        ["id"] = customer.CustomerId,
        ["createdAt"] = Replies.Number(variants, customer.CreatedAtMs),
        ["email"] = customer.Email,
        ["mobile"] = customer.Mobile,
        ["name"] = customer.Name,
        ["status"] = "active",
        ["updatedAt"] = Replies.Number(variants, customer.CreatedAtMs),
        ["userId"] = MerchantUserId,
    };
}
