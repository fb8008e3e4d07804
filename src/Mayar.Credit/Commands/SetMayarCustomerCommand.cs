using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Changes a Mayar customer's email address.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "MayarCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CustomerEmailChange))]
public sealed class SetMayarCustomerCommand : MayarPassThruCmdlet<SetCustomerEmailRequest>
{
    /// <summary>The customer's current email address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("EmailAddress", "CustomerEmail")]
    public string? Email { get; set; }

    /// <summary>The email address it becomes.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("ToEmail", "new_email")]
    public string? NewEmail { get; set; }

    private protected override SetCustomerEmailRequest BuildRequest() => new() { Email = Email, NewEmail = NewEmail };

    private protected override string? RowIdentity(SetCustomerEmailRequest request) => request.Email;

    private protected override MayarOperation CreateOperation(SetCustomerEmailRequest request) => new SetCustomerEmailOperation(request);

    private protected override string ConfirmTarget(SetCustomerEmailRequest request) => $"customer {request.Email}: email becomes {request.NewEmail}";

    private protected override string ConfirmAction => "Change email";
}
