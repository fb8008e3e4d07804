namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md §12: a membership product's members, or one of them by member id.</summary>
public sealed class GetMemberRequest
{
    /// <summary>The membership product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>One member's id (8 letters or digits); null to list the members.</summary>
    public string? MemberId { get; set; }

    /// <summary>Lists only the members with this status: active, stopped, inactive or finished.</summary>
    public string? Status { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(MemberId))
        {
            _ = new GetMembersPageOperation(this);
        }
        else
        {
            _ = new GetMemberOperation(this);
        }
    }
}
