using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Adds credit to a customer's account in a Mayar credit product (a merchant top-up).</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "MayarCredit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CreditTopUp))]
public sealed class AddMayarCreditCommand : MayarCreditMovementCmdlet
{
    private protected override string ConfirmAction => "Add credit";

    private protected override MayarOperation CreateMovement(CreditMovementRequest request) => new AddCreditOperation(request);
}
