using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Registers a customer into a Mayar credit-usage product.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "MayarCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RegisteredCreditCustomer))]
public sealed class RegisterMayarCustomerCommand : MayarCustomerInfoCmdlet<RegisterCreditCustomerRequest>
{
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
