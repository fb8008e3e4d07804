using System.Collections;

namespace Mayar.Credit.Client;

/// <summary>docs/api/seeds/001-new-customer.txt: create a customer record.</summary>
public sealed class NewCustomerRequest
{
    /// <summary>Full name of the person or organisation (required).</summary>
    public string? Name { get; set; }

    /// <summary>Email address (required).</summary>
    public string? Email { get; set; }

    /// <summary>Phone number (optional).</summary>
    public string? Phone { get; set; }

    /// <summary>Billing address city (optional).</summary>
    public string? City { get; set; }

    /// <summary>Billing address country, an ISO 3166-1 alpha-2 code (optional).</summary>
    public string? Country { get; set; }

    /// <summary>Payment method id (optional).</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>active, inactive or suspended (optional).</summary>
    public string? Status { get; set; }

    /// <summary>Custom key-value data (optional): strings, numbers, booleans, dates, null, lists and nested dictionaries.</summary>
    public IDictionary? CustomData { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new NewCustomerOperation(this);
}
