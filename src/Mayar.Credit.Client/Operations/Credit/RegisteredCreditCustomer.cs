namespace Mayar.Credit.Client;

/// <summary>A customer registered into a credit product. Binds by property name to Get-MayarCreditBalance.</summary>
public sealed class RegisteredCreditCustomer
{
    /// <summary>The customer's id in the credit service.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product (payment link) id.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The name as sent.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The email as sent.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>The mobile number as sent (separators removed).</summary>
    public string Mobile { get; set; } = string.Empty;

    /// <summary>The trial credit requested, if any.</summary>
    public decimal? TrialCredit { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Email} -> customer {CustomerId} in product {ProductId}";
}
