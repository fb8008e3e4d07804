namespace Mayar.Credit.Client;

/// <summary>M1: register a customer into a membership tier of a membership (credit) product.</summary>
public sealed class RegisterMembershipCustomerRequest
{
    /// <summary>The membership product's id (a UUID).</summary>
    public string? ProductId { get; set; }

    /// <summary>The membership tier's id (a UUID).</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The monthly payment period: 1, 3, 6 or 12 months.</summary>
    public int? MonthlyPeriod { get; set; }

    /// <summary>The customer's full name.</summary>
    public string? Name { get; set; }

    /// <summary>The customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The customer's mobile number.</summary>
    public string? Mobile { get; set; }

    /// <summary>Trial credit to grant on registration (optional, a whole number ≥ 0).</summary>
    public decimal? TrialCredit { get; set; }

    /// <summary>Applies every rule; throws <see cref="MayarArgumentException"/> on the first broken one.</summary>
    public void Validate() => _ = new RegisterMembershipCustomerOperation(this);
}
