using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// docs/api/mayar-api.md K1, K2 and K4: the V2 customers, from the credit registrations (one per email; their UUID ids read
/// the credit endpoints). The list is a cursor page at a time (<see cref="CursorPage"/>). The detail embeds the
/// merchant's "user" object with a fake webhook URL, as the documents show. The update moves a customer to another
/// email, as the page (not the migration guide's /customers/{uuid}/update) has it.
/// </summary>
internal static class V2CustomerEndpoints
{
    public const string ListPath = MayarRoutes.Customers;

    public const string DetailPath = MayarRoutes.CustomerDetail;

    public const string UpdatePath = MayarRoutes.UpdateCustomer;

    /// <summary>The merchant user every customer belongs to.</summary>
    public const string MerchantUserId = "3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c";

    /// <summary>The webhook URL the detail reply exposes (a client must not pass it on).</summary>
    public const string FakeUrlHook = "https://merchant.example.invalid/mayar/webhook?token=emulator-hook-secret";

    public static void Map(WebApplication app, EmulatorState state)
    {
        ApiRequest.Map(app, "GET", ListPath, state, List);
        ApiRequest.Map(app, "GET", DetailPath, state, Detail);
        ApiRequest.Map(app, "POST", UpdatePath, state, Update);
    }

    private static ApiResult List(ApiRequest request)
    {
        var cursor = CursorPage.Read(request);
        if (request.Checked() is { } error)
        {
            return error;
        }

        return cursor.Reply(request.Variants, request.Store.V2Customers.NewestFirst(), c => c.CreatedAtMs, c => Customer(c, request.Variants));
    }

    private static ApiResult Detail(ApiRequest request)
    {
        var email = request.Query("email").Trim();
        if (email.Length == 0)
        {
            return ApiError.EmailQueryRequired;
        }

        if (request.Store.V2Customers.FindByEmail(email) is not { } customer)
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
                [Replies.V2MessageKey(request.Variants)] = "success",
                ["data"] = data,
            });
    }

    // K4: {fromEmail, toEmail}, both required e-mails; 404 for an unknown fromEmail (the page's message). The page
    // is silent on a toEmail another customer has: 409 "already exist", as the V2 creates answer a duplicate. The
    // same customer's own email (in any case) is no conflict. The reply is the envelope alone.
    private static ApiResult Update(ApiRequest request)
    {
        if (request.ObjectBody(out var body) is { } notAnObject)
        {
            return notAnObject;
        }

        var from = request.Required("fromEmail", RequestJson.String(body, "fromEmail"));
        request.EmailForm("fromEmail", from, "fromEmail");
        var to = request.Required("toEmail", RequestJson.String(body, "toEmail"));
        request.EmailForm("toEmail", to, "toEmail");
        if (request.Checked() is { } invalid)
        {
            return invalid;
        }

        return request.Store.ChangeCustomerEmail(from!, to!) switch
        {
            EmailChange.UnknownEmail => ApiError.NotACustomer(from!),
            EmailChange.EmailTaken => ApiError.CustomerExists,
            _ => ApiResult.Ok(200, new JsonObject { ["statusCode"] = 200, [Replies.V2MessageKey(request.Variants)] = "success" }),
        };
    }

    private static JsonObject Customer(V2Customer customer, EmulatorVariants variants) => new()
    {
        ["id"] = customer.CustomerId,
        ["createdAt"] = Replies.Number(variants, customer.CreatedAtMs),
        ["email"] = customer.Email,
        ["mobile"] = customer.Mobile,
        ["name"] = customer.Name,
        ["status"] = "active",
        ["updatedAt"] = Replies.Number(variants, customer.UpdatedAtMs),
        ["userId"] = MerchantUserId,
    };
}
