namespace Mayar.Credit.Client;

/// <summary>Seed 002: which customer's balance in which credit product.</summary>
public sealed class CreditBalanceQuery
{
    /// <summary>The customer's id (a UUID).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The credit product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new GetCreditBalanceOperation(this);
}
