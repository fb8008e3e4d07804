namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md K2: which customer to read, by email.</summary>
public sealed class GetCustomerRequest
{
    /// <summary>The customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new GetCustomerByEmailOperation(this);
}
