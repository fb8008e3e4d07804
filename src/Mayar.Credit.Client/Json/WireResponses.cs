using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mayar.Credit.Client.Json;

// Response payloads after MayarResponseReader has lifted "data" to the root. Each spelling the
// documents use has its own property; the result types choose among them.

internal sealed class RegisterCreditCustomerPayload
{
    public string? CustomerId { get; set; }

    public string? PaymentLinkId { get; set; }

    public PaymentLinkReference? PaymentLink { get; set; }

    public string? ProductId { get; set; }
}

internal sealed class PaymentLinkReference
{
    public string? Id { get; set; }
}

internal sealed class CreditBalancePayload
{
    public string? CustomerId { get; set; }

    public string? ProductId { get; set; }

    public decimal? CustomerBalance { get; set; }

    public decimal? CustomerMainBalance { get; set; }

    public decimal? CustomerBalanceMain { get; set; }

    public decimal? CustomerBalanceMembership { get; set; }

    public decimal? CustomerBalanceAddon { get; set; }
}

internal sealed class CustomerPayload
{
    public string? Id { get; set; }

    public string? CustomerId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Mobile { get; set; }

    public AddressPayload? Address { get; set; }

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

internal sealed class AddressPayload
{
    public string? City { get; set; }

    public string? Country { get; set; }
}
