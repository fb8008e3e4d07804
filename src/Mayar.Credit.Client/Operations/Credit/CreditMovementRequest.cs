namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C3/C4 (M3/M4): an amount of credit to add to or spend from a customer's account.</summary>
public sealed class CreditMovementRequest
{
    /// <summary>The customer's id (a UUID).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The credit product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>The amount: a whole number of 1 or more.</summary>
    public decimal? Amount { get; set; }

    /// <summary>The membership tier (a UUID), for a membership product (optional).</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The member's 8-character id, for a membership product (optional).</summary>
    public string? MemberId { get; set; }

    /// <summary>The row's own key in a journal (optional; see <see cref="CreditRowKeys"/>). Not sent to the API.</summary>
    public string? Reference { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} credit, customer {1} in product {2}", Amount, CustomerId, ProductId);
}
