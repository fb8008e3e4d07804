using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Spends credit from a customer's account in a Mayar credit product.</para>
/// </summary>
[Cmdlet(VerbsOther.Use, "MayarCredit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CreditSpend))]
public sealed class UseMayarCreditCommand : MayarCreditMovementCmdlet
{
    private protected override string ConfirmAction => "Spend credit";

    private protected override MayarOperation CreateMovement(CreditMovementRequest request) => new SpendCreditOperation(request);
}
