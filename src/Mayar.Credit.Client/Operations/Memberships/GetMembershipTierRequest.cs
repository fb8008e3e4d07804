namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md §12: which membership product's tiers to list.</summary>
public sealed class GetMembershipTierRequest
{
    /// <summary>The membership product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new GetMembershipTiersPageOperation(this);
}
