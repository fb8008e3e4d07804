using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>The customer, product and amount an add-credit or spend request names (canonical UUIDs).</summary>
internal readonly record struct AmountInput(string CustomerId, string ProductId, decimal Amount, string? MembershipTierId, string? MemberId);

/// <summary>
/// The set-up every API endpoint repeats, as one kit: the JSON body, required text, UUIDs, whole amounts and product
/// ownership. Checks collect <see cref="ValidationProblem"/>s in the documents' order; <see cref="Checked"/> turns
/// them, or a product the key does not own, into an <see cref="ApiError"/>. The bearer key is checked before any
/// endpoint (<see cref="HasKey"/>, from <see cref="EmulatorPipeline"/>): after faults, and on unmapped paths too.
/// </summary>
internal sealed class ApiRequest
{
    private readonly List<ValidationProblem> _problems = new();

    private ApiRequest(HttpContext context, CreditStore store, EmulatorVariants variants)
    {
        Context = context;
        Store = store;
        Variants = variants;
        Body = RequestJson.ReadObject(context);
    }

    public HttpContext Context { get; }

    public CreditStore Store { get; }

    /// <summary>The variants in force when the request arrived, for the whole reply.</summary>
    public EmulatorVariants Variants { get; }

    /// <summary>The body as a JSON object; null when it is not one (whatever the Content-Type says).</summary>
    public JsonObject? Body { get; }

    /// <summary>Maps an API endpoint: the handler gets the kit and returns a success or an error value, which one writer sends.</summary>
    public static void Map(WebApplication app, string method, string path, EmulatorState state, Func<ApiRequest, ApiResult> handler) =>
        app.MapMethods(path, new[] { method }, (RequestDelegate)(context =>
        {
            var request = new ApiRequest(context, state.Store, state.Harness.Variants);
            return handler(request).WriteAsync(context, request.Variants);
        }));

    /// <summary>True when the request carries "Authorization: Bearer <paramref name="apiKey"/>".</summary>
    public static bool HasKey(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header.Substring(Scheme.Length).Trim(), apiKey, StringComparison.Ordinal);
    }

    /// <summary>The validation error a body that is not a JSON object gets at once, or null with the body.</summary>
    public ApiError? ObjectBody(out JsonObject body)
    {
        body = Body ?? new JsonObject();
        return Body is null
            ? ApiError.Validation(new[] { new ValidationProblem("body", "The request body must be a JSON object.") })
            : null;
    }

    public string Query(string name) => Context.Request.Query[name].ToString();

    public void Problem(string field, string message, string type = "required") => _problems.Add(new ValidationProblem(field, message, type));

    /// <summary>Required text, named <paramref name="label"/> in the message; trimmed, or null when blank.</summary>
    public string? Required(string field, string? value, string? label = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(field, $"The '{label ?? field}' field is required.");
            return null;
        }

        return value.Trim();
    }

    /// <summary>A required UUID; the canonical form, or null when missing or malformed.</summary>
    public string? Uuid(string field, string? value)
    {
        if (Required(field, value) is null)
        {
            return null;
        }

        if (!RequestJson.IsUuid(value))
        {
            Problem(field, $"The '{field}' field must be a valid UUID.", "uuid");
            return null;
        }

        return RequestJson.CanonicalUuid(value!);
    }

    /// <summary>An e-mail's form, when one was given (a blank one is for <see cref="Required"/> to report).</summary>
    public void EmailForm(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !RequestJson.LooksLikeEmail(value))
        {
            Problem(field, $"The '{label}' field must be a valid e-mail.", "email");
        }
    }

    /// <summary>A required whole number of 1 or more.</summary>
    public decimal? PositiveWhole(string field) => Whole(field, required: true, minimum: 1, "a positive integer");

    /// <summary>An optional whole number of 0 or more; null when absent.</summary>
    public decimal? NonNegativeWhole(string field) => Whole(field, required: false, minimum: 0, "a non-negative integer");

    /// <summary>An optional whole number of 1 or more; null when absent.</summary>
    public decimal? OptionalPositiveWhole(string field) => Whole(field, required: false, minimum: 1, "a positive integer");

    /// <summary>The body's required customerInfo {name, email, mobile}, trimmed; nulls where a problem was recorded.</summary>
    public (string? Name, string? Email, string? Mobile) CustomerInfo()
    {
        if (Body?["customerInfo"] is not JsonObject info)
        {
            Problem("customerInfo", "The 'customerInfo' field is required.", "object");
            return (null, null, null);
        }

        var name = Required("customerInfo.name", RequestJson.String(info, "name"), "name");
        var email = Required("customerInfo.email", RequestJson.String(info, "email"), "email");
        var mobile = Required("customerInfo.mobile", RequestJson.String(info, "mobile"), "mobile");
        EmailForm("customerInfo.email", RequestJson.String(info, "email"), "email");
        return (name, email, mobile);
    }

    /// <summary>The validation error for the problems found so far, else <see cref="ApiError.NotYourProduct"/> when the product is not the key's.</summary>
    public ApiError? Checked(string? productId)
    {
        if (_problems.Count > 0)
        {
            return ApiError.Validation(_problems);
        }

        return productId is not null && Store.HasProduct(productId) ? null : ApiError.NotYourProduct;
    }

    /// <summary>The validation error for the problems found so far, if any.</summary>
    public ApiError? Checked() => _problems.Count > 0 ? ApiError.Validation(_problems) : null;

    /// <summary>§12's "Invalid query parameters" for the problems found so far, if any.</summary>
    public ApiError? CheckedQuery() => _problems.Count > 0 ? ApiError.InvalidQuery(_problems) : null;

    /// <summary>The body of add-credit and spend: customerId, productId and a positive whole amount, in a product of the key's.</summary>
    public ApiError? AmountInput(out AmountInput input)
    {
        var customerId = Uuid("customerId", RequestJson.String(Body, "customerId"));
        var productId = Uuid("productId", RequestJson.String(Body, "productId"));
        var amount = PositiveWhole("amount");
        // A membership product's movement names its tier, and may name the member (docs/api/mayar-api.md M3, M4).
        var tier = RequestJson.String(Body, "membershipTierId") is { Length: > 0 } tierText ? Uuid("membershipTierId", tierText) : null;
        var member = RequestJson.String(Body, "memberId") is { Length: > 0 } memberText ? memberText.Trim().ToUpperInvariant() : null;
        input = new AmountInput(customerId ?? string.Empty, productId ?? string.Empty, amount ?? 0m, tier, member);
        return Checked(productId);
    }

    /// <summary>A whole number in the query between <paramref name="minimum"/> and <paramref name="maximum"/>; the default when absent.</summary>
    public int QueryWhole(string name, int fallback, int minimum, int maximum)
    {
        var text = Query(name);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        Problem(name, $"The '{name}' field must be a whole number from {minimum} to {maximum}.", "number");
        return fallback;
    }

    /// <summary>One of <paramref name="allowed"/> in the query (any case, returned as listed); the default when absent.</summary>
    public string? QueryOneOf(string name, string? fallback, params string[] allowed)
    {
        var text = Query(name);
        if (text.Length == 0)
        {
            return fallback;
        }

        var match = Array.Find(allowed, a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Problem(name, $"The '{name}' field must be one of {string.Join(", ", allowed)}.", "enum");
        }

        return match ?? fallback;
    }

    /// <summary>An ISO-8601 time in the query; null when absent.</summary>
    public DateTimeOffset? QueryTime(string name)
    {
        var text = Query(name);
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        Problem(name, $"The '{name}' field must be an ISO-8601 date.", "date");
        return null;
    }

    private decimal? Whole(string field, bool required, decimal minimum, string what)
    {
        if (!RequestJson.TryWhole(Body, field, out var value) || (value is null && required) || value < minimum)
        {
            Problem(field, $"The '{field}' field must be {what}.", "number");
            return null;
        }

        return value;
    }
}
