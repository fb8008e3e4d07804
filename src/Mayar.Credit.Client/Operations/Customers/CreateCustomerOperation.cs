using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>Seed 001: POST a customer record.</summary>
public sealed class CreateCustomerOperation : MayarOperation<MayarCustomer>
{
    private readonly WireBody _body;
    private readonly byte[] _bytes;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public CreateCustomerOperation(CreateCustomerRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var city = MayarInputRules.Optional(request.City, nameof(request.City), MayarInputRules.Text);
        var country = MayarInputRules.Optional(request.Country, nameof(request.Country), MayarInputRules.Country);
        _body = new WireBody
        {
            Name = MayarInputRules.Name(request.Name, nameof(request.Name)),
            Email = MayarInputRules.Email(request.Email, nameof(request.Email)),
            Phone = MayarInputRules.Optional(request.Phone, nameof(request.Phone), MayarInputRules.Phone),
            Address = city is null && country is null ? null : new WireAddress { City = city, Country = country },
            PaymentMethod = MayarInputRules.Optional(request.PaymentMethod, nameof(request.PaymentMethod), MayarInputRules.Text),
            Status = MayarInputRules.Optional(request.Status, nameof(request.Status), MayarInputRules.Status),
            CustomData = CustomDataConverter.ToJson(request.CustomData, nameof(request.CustomData)),
        };
        _bytes = JsonSerializer.SerializeToUtf8Bytes(_body, MayarJsonContext.Wire.CreateCustomerBody);
    }

    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Post;

    /// <inheritdoc />
    public override string Route => MayarRoutes.CreateCustomer;

    /// <summary>A second record with the email is answered with a conflict.</summary>
    public override RepeatSafety RepeatSafety => RepeatSafety.AnswersConflict;

    internal override byte[]? Body => _bytes;

    // 409 "already exist" is a conflict by its status; some replies say it with a 400 (mayar-api.md section 4).
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

    /// <summary>The body exactly as seed 001 shows it; property order is the document's.</summary>
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
