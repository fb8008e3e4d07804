using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Generates an immutable checkout link for a customer of a Mayar credit product.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MayarCreditCheckout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CreditCheckout))]
public sealed class NewMayarCreditCheckoutCommand : MayarCustomerInfoCmdlet<NewCreditCheckoutRequest>
{
    /// <summary>The credit the link sells (a whole number ≥ 1; credit-usage products only).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("credit_amount")]
    [InvariantDecimalTransformation]
    public decimal? CreditAmount { get; set; }

    private protected override NewCreditCheckoutRequest BuildRequest() => new()
    {
        ProductId = ProductId,
        Name = Name,
        Email = Email,
        Mobile = Mobile,
        CreditAmount = CreditAmount,
    };

    private protected override MayarOperation CreateOperation(NewCreditCheckoutRequest request) => new NewCreditCheckoutOperation(request);

    private protected override string ConfirmTarget(NewCreditCheckoutRequest request) => $"checkout link for {request.Email} in product {request.ProductId}";
}
