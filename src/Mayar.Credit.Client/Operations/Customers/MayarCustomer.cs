using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>A customer record (docs/api/seeds/001-new-customer.txt).</summary>
public sealed class MayarCustomer
{
    /// <summary>The customer id, e.g. "cus_01h3vjs3b16yc3f9q8q9pfrb80".</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Full name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Email address.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>Phone number, if any.</summary>
    public string? Phone { get; set; }

    /// <summary>Billing address city, if any.</summary>
    public string? City { get; set; }

    /// <summary>Billing address country code, if any.</summary>
    public string? Country { get; set; }

    /// <summary>Payment method id, if any.</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>active, inactive or suspended, if given.</summary>
    public string? Status { get; set; }

    /// <summary>Custom data as returned (nested objects are dictionaries, arrays are object arrays).</summary>
    public IDictionary<string, object?>? CustomData { get; set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the record was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} <{Email}> ({Id})";
}
