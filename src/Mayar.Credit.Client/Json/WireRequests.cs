using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mayar.Credit.Client.Json;

// Request bodies exactly as the seed documents show them; property order is the documents' order.

internal sealed class RegisterCreditCustomerBody
{
    [JsonPropertyName("productId")]
    public string ProductId { get; set; } = string.Empty;

    [JsonPropertyName("trialCredit")]
    public long? TrialCredit { get; set; }

    [JsonPropertyName("customerInfo")]
    public CustomerInfoBody CustomerInfo { get; set; } = new();
}

internal sealed class CustomerInfoBody
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("email")]
    public string Email { get; set; } = string.Empty;

    [JsonPropertyName("mobile")]
    public string Mobile { get; set; } = string.Empty;
}

internal sealed class CreateCustomerBody
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("email")]
    public string Email { get; set; } = string.Empty;

    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    [JsonPropertyName("address")]
    public AddressBody? Address { get; set; }

    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("custom_data")]
    public JsonElement? CustomData { get; set; }
}

internal sealed class AddressBody
{
    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }
}
