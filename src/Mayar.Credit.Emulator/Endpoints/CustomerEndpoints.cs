using System.Collections.Generic;
using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Microsoft.AspNetCore.Builder;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>docs/api/seeds/001-new-customer.txt: POST /api/v1/customers, answered 201 with the created object (no envelope), 409 on a known email.</summary>
internal static class CustomerEndpoints
{
    public const string CreatePath = MayarRoutes.CreateCustomer;

    private static readonly HashSet<string> Statuses = new() { "active", "inactive", "suspended" };

    public static void Map(WebApplication app, EmulatorState state)
    {
        ApiRequest.Map(app, "POST", CreatePath, state, Create);
    }

    private static ApiResult Create(ApiRequest request)
    {
        if (request.ObjectBody(out var body) is { } notAnObject)
        {
            return notAnObject;
        }

        var name = request.Required("name", RequestJson.String(body, "name"));
        var email = request.Required("email", RequestJson.String(body, "email"));
        request.EmailForm("email", RequestJson.String(body, "email"), "email");
        if (body["address"] is JsonObject address)
        {
            var country = RequestJson.String(address, "country");
            if (country is not null && (country.Length != 2 || country.ToUpperInvariant() != country))
            {
                request.Problem("address.country", "The 'country' field must be a two-letter ISO 3166-1 code.", "string");
            }
        }
        else if (RequestJson.IsPresent(body, "address"))
        {
            request.Problem("address", "The 'address' field must be an object or null.", "object");
        }

        var status = RequestJson.String(body, "status");
        if (RequestJson.IsPresent(body, "status") && (status is null || !Statuses.Contains(status)))
        {
            request.Problem("status", "The 'status' field must be one of active, inactive, suspended.", "enum");
        }

        if (RequestJson.IsPresent(body, "custom_data") && body["custom_data"] is not JsonObject)
        {
            request.Problem("custom_data", "The 'custom_data' field must be an object or null.", "object");
        }

        if (request.Checked() is { } error)
        {
            return error;
        }

        var record = new JsonObject
        {
            ["name"] = name,
            ["email"] = email,
            ["phone"] = body["phone"]?.DeepClone(),
            ["address"] = body["address"]?.DeepClone(),
            ["payment_method"] = body["payment_method"]?.DeepClone(),
            ["status"] = status ?? "active",
            ["custom_data"] = body["custom_data"]?.DeepClone(),
        };
        var created = request.Store.V1CustomerRecords.Create(record);
        if (created is null)
        {
            return ApiError.CustomerExists;
        }

        return request.Variants.Wrapper == "data"
            ? Replies.Success(request.Variants, 201, created, seedWrapsInData: true)
            : ApiResult.Ok(201, created);
    }
}
