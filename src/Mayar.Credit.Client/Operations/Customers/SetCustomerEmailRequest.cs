namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md K4: change a V2 customer's email address.</summary>
public sealed class SetCustomerEmailRequest
{
    /// <summary>The customer's current email address (required).</summary>
    public string? Email { get; set; }

    /// <summary>The address it becomes (required).</summary>
    public string? NewEmail { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new SetCustomerEmailOperation(this);
}
