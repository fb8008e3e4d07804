namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C6: an immutable checkout link for a customer of a credit product.</summary>
public sealed class NewCreditCheckoutRequest
{
    /// <summary>The credit product's id (a UUID; the API also calls it the payment link id).</summary>
    public string? ProductId { get; set; }

    /// <summary>The buyer's full name.</summary>
    public string? Name { get; set; }

    /// <summary>The buyer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The buyer's mobile number.</summary>
    public string? Mobile { get; set; }

    /// <summary>The credit the link sells (optional, a whole number ≥ 1; only credit-usage products use it).</summary>
    public decimal? CreditAmount { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new NewCreditCheckoutOperation(this);
}
