using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator;

/// <summary>Seed 001: POST /api/v1/customers, answered 201 with the created object (no envelope), 409 on a known email.</summary>
internal static class CustomerEndpoints
{
    public const string CreatePath = "/api/v1/customers";

    private static readonly HashSet<string> Statuses = new() { "active", "inactive", "suspended" };

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost(CreatePath, context => Create(context, state));
    }

    private static Task Create(HttpContext context, EmulatorState state)
    {
        var variants = state.Variants;
        var body = RequestJson.ReadObject(context);
        var problems = new List<ValidationProblem>();
        if (body is null)
        {
            problems.Add(new ValidationProblem("body", "The request body must be a JSON object."));
            return Replies.Validation(context, variants, problems);
        }

        var name = RequestJson.String(body, "name");
        var email = RequestJson.String(body, "email");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem("name", "The 'name' field is required."));
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            problems.Add(new ValidationProblem("email", "The 'email' field is required."));
        }
        else if (!RequestJson.LooksLikeEmail(email))
        {
            problems.Add(new ValidationProblem("email", "The 'email' field must be a valid e-mail.", "email"));
        }

        if (body["address"] is JsonObject address)
        {
            var country = RequestJson.String(address, "country");
            if (country is not null && (country.Length != 2 || country.ToUpperInvariant() != country))
            {
                problems.Add(new ValidationProblem("address.country", "The 'country' field must be a two-letter ISO 3166-1 code.", "string"));
            }
        }
        else if (RequestJson.IsPresent(body, "address"))
        {
            problems.Add(new ValidationProblem("address", "The 'address' field must be an object or null.", "object"));
        }

        var status = RequestJson.String(body, "status");
        if (RequestJson.IsPresent(body, "status") && (status is null || !Statuses.Contains(status)))
        {
            problems.Add(new ValidationProblem("status", "The 'status' field must be one of active, inactive, suspended.", "enum"));
        }

        if (RequestJson.IsPresent(body, "custom_data") && body["custom_data"] is not JsonObject)
        {
            problems.Add(new ValidationProblem("custom_data", "The 'custom_data' field must be an object or null.", "object"));
        }

        if (problems.Count > 0)
        {
            return Replies.Validation(context, variants, problems);
        }

        var record = new JsonObject
        {
            ["name"] = name!.Trim(),
            ["email"] = email!.Trim(),
            ["phone"] = body["phone"]?.DeepClone(),
            ["address"] = body["address"]?.DeepClone(),
            ["payment_method"] = body["payment_method"]?.DeepClone(),
            ["status"] = status ?? "active",
            ["custom_data"] = body["custom_data"]?.DeepClone(),
        };
        var created = state.CreateCustomer(record);
        if (created is null)
        {
            return Replies.Error(context, variants, 409, "already exist", "messages");
        }

        if (variants.Wrapper == "data")
        {
            return Replies.Success(context, variants, 201, created, seedWrapsInData: true);
        }

        return Replies.Write(context, 201, created);
    }
}
