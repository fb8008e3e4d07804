namespace Mayar.Credit.Client;

/// <summary>
/// A customer's email address as changed (docs/api/mayar-api.md K4 answers only "success", so this is what was sent). Its
/// <see cref="Email"/> binds by property name to Get-MayarCustomer -Email.
/// </summary>
public sealed class CustomerEmailChange
{
    /// <summary>The customer's address now.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>The address it had.</summary>
    public string PreviousEmail { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{PreviousEmail} -> {Email}";
}
