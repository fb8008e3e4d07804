using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Registers a customer into a Mayar credit-usage product.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "MayarCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RegisteredCreditCustomer))]
public sealed class RegisterMayarCustomerCommand : MayarOperationCmdlet<RegisterCreditCustomerRequest>
{
    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The customer's full name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "CustomerName")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The customer's email address.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress", "CustomerEmail")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The customer's mobile number: an optional '+' and 8–15 digits.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Phone", "PhoneNumber", "MobileNumber")]
    public string Mobile { get; set; } = string.Empty;

    /// <summary>Trial credit to grant (a whole number ≥ 0).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("trial_credit")]
    [InvariantDecimalTransformation]
    public decimal? TrialCredit { get; set; }

    private protected override RegisterCreditCustomerRequest BuildRequest() => new()
    {
        ProductId = ProductId,
        Name = Name,
        Email = Email,
        Mobile = Mobile,
        TrialCredit = TrialCredit,
    };

    private protected override MayarOperation CreateOperation(RegisterCreditCustomerRequest request) => new RegisterCreditCustomerOperation(request);

    private protected override string ConfirmTarget(RegisterCreditCustomerRequest request) => $"customer {request.Email} in product {request.ProductId}";
}
