using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/seeds/001-new-customer.txt: POST a customer record.</summary>
public sealed class NewCustomerOperation : JsonOperation<NewCustomerRequest, MayarCustomer>
{
    /// <summary>A second record with the email is answered with a conflict.</summary>
    private static readonly MayarEndpoint Declared = MayarEndpoint.Write(MayarRoutes.CreateCustomer, RepeatAnswer.Conflict);

    private readonly WireBody _body;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public NewCustomerOperation(NewCustomerRequest request)
        : base(Declared, request)
    {
        var city = MayarInputRules.Optional(Request.City, nameof(Request.City), MayarInputRules.Text);
        var country = MayarInputRules.Optional(Request.Country, nameof(Request.Country), MayarInputRules.Country);
        _body = SendBody(
            new WireBody
            {
                Name = MayarInputRules.Name(Request.Name, nameof(Request.Name)),
                Email = MayarInputRules.Email(Request.Email, nameof(Request.Email)),
                Phone = MayarInputRules.Optional(Request.Phone, nameof(Request.Phone), MayarInputRules.Phone),
                Address = city is null && country is null ? null : new WireAddress { City = city, Country = country },
                PaymentMethod = MayarInputRules.Optional(Request.PaymentMethod, nameof(Request.PaymentMethod), MayarInputRules.Text),
                Status = MayarInputRules.Optional(Request.Status, nameof(Request.Status), MayarInputRules.Status),
                CustomData = CustomDataConverter.ToJson(Request.CustomData, nameof(Request.CustomData)),
            },
            MayarJsonContext.Wire.CreateCustomerBody);
    }

    // 409 "already exist" is a conflict by its status; some replies say it with a 400 (docs/api/mayar-api.md §3.3).
    internal override MayarErrorKind? ClassifyFailure(int status, string? message) =>
        status == 400 && message is not null && message.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0
            ? MayarErrorKind.Conflict
            : null;

    internal override MayarCustomer Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.CustomerPayload);
        var id = MayarPayload.FirstNonBlank(reply.Id, reply.CustomerId) ?? throw payload.Invalid("The response has no customer id");
        return new MayarCustomer
        {
            Id = id,
            Name = MayarPayload.FirstNonBlank(reply.Name) ?? _body.Name,
            Email = MayarPayload.FirstNonBlank(reply.Email) ?? _body.Email,
            Phone = MayarPayload.FirstNonBlank(reply.Phone, reply.Mobile) ?? _body.Phone,
            City = MayarPayload.FirstNonBlank(reply.Address?.City) ?? _body.Address?.City,
            Country = MayarPayload.FirstNonBlank(reply.Address?.Country) ?? _body.Address?.Country,
            PaymentMethod = MayarPayload.FirstNonBlank(reply.PaymentMethodSnake, reply.PaymentMethod) ?? _body.PaymentMethod,
            Status = MayarPayload.FirstNonBlank(reply.Status) ?? _body.Status,
            CustomData = JsonValues.ToDictionary(reply.CustomDataSnake ?? reply.CustomData ?? _body.CustomData),
            CreatedAt = reply.CreatedAtSnake ?? reply.CreatedAt,
            UpdatedAt = reply.UpdatedAtSnake ?? reply.UpdatedAt,
        };
    }

    /// <summary>The body exactly as docs/api/seeds/001-new-customer.txt shows it; property order is the document's.</summary>
    internal sealed class WireBody
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("email")]
        public string Email { get; set; } = string.Empty;

        [JsonPropertyName("phone")]
        public string? Phone { get; set; }

        [JsonPropertyName("address")]
        public WireAddress? Address { get; set; }

        [JsonPropertyName("payment_method")]
        public string? PaymentMethod { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        [JsonPropertyName("custom_data")]
        public JsonElement? CustomData { get; set; }
    }

    /// <summary>The billing address, in the body and in the reply.</summary>
    internal sealed class WireAddress
    {
        [JsonPropertyName("city")]
        public string? City { get; set; }

        [JsonPropertyName("country")]
        public string? Country { get; set; }
    }

    /// <summary>The reply's payload: the documents spell several fields in camelCase and in snake_case.</summary>
    internal sealed class WirePayload
    {
        public string? Id { get; set; }

        public string? CustomerId { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Mobile { get; set; }

        public WireAddress? Address { get; set; }

        [JsonPropertyName("payment_method")]
        public string? PaymentMethodSnake { get; set; }

        public string? PaymentMethod { get; set; }

        public string? Status { get; set; }

        [JsonPropertyName("custom_data")]
        public JsonElement? CustomDataSnake { get; set; }

        public JsonElement? CustomData { get; set; }

        [JsonPropertyName("created_at")]
        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAtSnake { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("updated_at")]
        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? UpdatedAtSnake { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }
    }
}
