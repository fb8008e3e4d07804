using System.Collections.Generic;
using System.Text.Json.Nodes;
using Mayar.Credit.Emulator.Harness;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>One field's problem in a validation error.</summary>
internal sealed record ValidationProblem(string Field, string Message, string Type = "required");

/// <summary>
/// An error reply as a value: the status, the message, the key the seed documents write it under ("message" or
/// "messages", used while the variant says "seed") and, for a validation error, the problems. <see cref="Render"/>
/// turns it into the HTTP status and body the variants ask for.
/// </summary>
internal readonly record struct ApiError(int Status, string Message, string SeedKey, IReadOnlyList<ValidationProblem>? Problems = null)
{
    public static ApiError NotYourProduct => new(400, "You are not authorized to edit this product!", "message");

    public static ApiError AlreadyRegistered => new(400, "Email sudah terdaftar pada product ini.", "message");

    public static ApiError AlreadyMemberOfTier => new(400, "Email sudah terdaftar pada tier ini.", "message");

    public static ApiError Insufficient => new(400, "Cannot spend customer credit. Insufficient customer credit", "message");

    public static ApiError CustomerNotFound => new(404, "Customer not found", "messages");

    public static ApiError EmailQueryRequired => new(400, "Email query parameter is required", "messages");

    public static ApiError CustomerExists => new(409, "already exist", "messages");

    /// <summary>K4's answer to an email no V2 customer has.</summary>
    public static ApiError NotACustomer(string email) => new(404, $"Email {email} tidak terdaftar sebagai customer", "messages");

    /// <summary>§12's answer to a query it cannot read (a missing or malformed productId, a bad limit, cursor or filter), with the problems in "data".</summary>
    public static ApiError InvalidQuery(IReadOnlyList<ValidationProblem> problems) => new(400, "Invalid query parameters", "messages", problems);

    /// <summary>
    /// A productId that is no membership product of the key's. The §12 pages document no answer for it: a 404, as
    /// Headless V2 answers a resource that does not exist.
    /// </summary>
    public static ApiError MembershipProductNotFound => new(404, "Product not found", "messages");

    /// <summary>§12's answer to a member id in the path that is no member id.</summary>
    public static ApiError InvalidPath => new(400, "Invalid path parameter", "messages");

    /// <summary>§12's answer to a member id the product has no member with.</summary>
    public static ApiError MemberNotFound(string memberId) => new(404, $"Member dengan ID {memberId} tidak ditemukan.", "messages");

    public static ApiError Unauthorized => new(401, "Unauthorized", "messages");

    public static ApiError TooManyRequests => new(429, "Too Many Requests", "messages");

    /// <summary>The answer to a path no endpoint serves.</summary>
    public static ApiError NotFound => new(404, "Not Found", "messages");

    /// <summary>{statusCode:400, messages:"Validation Error", data:[{type, message, field}]}, or the live "failed" form.</summary>
    public static ApiError Validation(IReadOnlyList<ValidationProblem> problems) => new(400, "Validation Error", "messages", problems);

    /// <summary>{statusCode, message|messages[, data]}; with ErrorsAsHttp200 the HTTP status is 200.</summary>
    public (int HttpStatus, JsonObject Body) Render(EmulatorVariants variants)
    {
        JsonArray? items = null;
        if (Problems is not null)
        {
            items = new JsonArray();
            foreach (var problem in Problems)
            {
                items.Add(new JsonObject { ["type"] = problem.Type, ["message"] = problem.Message, ["field"] = problem.Field });
            }

            if (variants.ValidationAsFailed)
            {
                return (200, new JsonObject { ["statusCode"] = 200, ["messages"] = "failed", ["data"] = items });
            }
        }

        var key = variants.MessageKey == "seed" ? SeedKey : variants.MessageKey;
        var body = new JsonObject { ["statusCode"] = Status, [key] = Message };
        if (items is not null)
        {
            body["data"] = items;
        }

        return (variants.ErrorsAsHttp200 ? 200 : Status, body);
    }
}
