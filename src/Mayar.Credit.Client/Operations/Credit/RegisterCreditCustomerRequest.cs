namespace Mayar.Credit.Client;

/// <summary>docs/api/seeds/000-register-credit-customer.txt: register a customer into a credit-usage product.</summary>
public sealed class RegisterCreditCustomerRequest
{
    /// <summary>The credit product's id (a UUID; the API also calls it the payment link id).</summary>
    public string? ProductId { get; set; }

    /// <summary>The customer's full name.</summary>
    public string? Name { get; set; }

    /// <summary>The customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The customer's mobile number.</summary>
    public string? Mobile { get; set; }

    /// <summary>Trial credit to grant on registration (optional, a whole number ≥ 0).</summary>
    public decimal? TrialCredit { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new RegisterCreditCustomerOperation(this);
}
