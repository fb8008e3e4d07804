namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/seeds/002-credit-balance.txt and M2: which customer's balance in which credit product. A membership balance names the tier and either
/// the member id or the customer id.
/// </summary>
public sealed class GetCreditBalanceRequest
{
    /// <summary>The customer's id (a UUID); optional when <see cref="MemberId"/> is given.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The credit product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>The membership tier's id (a UUID); required with <see cref="MemberId"/>, optional otherwise.</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The membership member id (8 letters or digits, e.g. 3SCDI9ZQ); may replace <see cref="CustomerId"/>.</summary>
    public string? MemberId { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new GetCreditBalanceOperation(this);
}
