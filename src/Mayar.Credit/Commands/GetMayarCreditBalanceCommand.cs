using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets a customer's credit balance in a Mayar credit product.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCreditBalance")]
[OutputType(typeof(CreditBalance))]
public sealed class GetMayarCreditBalanceCommand : MayarOperationCmdlet<CreditBalanceQuery>
{
    /// <summary>The customer's id (UUID), e.g. from Register-MayarCustomer.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("customer_id")]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    private protected override CreditBalanceQuery BuildRequest() => new() { CustomerId = CustomerId, ProductId = ProductId };

    private protected override MayarOperation CreateOperation(CreditBalanceQuery request) => new GetCreditBalanceOperation(request);
}
