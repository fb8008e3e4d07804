namespace Mayar.Credit.Client;

/// <summary>What a credit movement moves, whatever its result type.</summary>
public interface ICreditMovement
{
    /// <summary>The customer's id.</summary>
    string CustomerId { get; }

    /// <summary>The product's id.</summary>
    string ProductId { get; }

    /// <summary>The membership tier, if any.</summary>
    string? MembershipTierId { get; }

    /// <summary>The member id, if any.</summary>
    string? MemberId { get; }

    /// <summary>The amount moved (positive).</summary>
    decimal Amount { get; }

    /// <summary>"add" or "spend".</summary>
    string Kind { get; }

    /// <summary>The credit history entry type the movement makes.</summary>
    string HistoryType { get; }
}
