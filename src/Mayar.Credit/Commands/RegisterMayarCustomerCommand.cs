using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Registers a customer into a Mayar credit-usage product, or into a membership tier.</para>
/// </summary>
/// <remarks>
/// The base takes one request type, and the two sets send different requests: the request is typed as object,
/// BuildRequest builds the set's request, and CreateOperation and ConfirmTarget switch on its type.
/// </remarks>
[Cmdlet(VerbsLifecycle.Register, "MayarCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = CreditUsageSet)]
[OutputType(typeof(RegisteredCreditCustomer), ParameterSetName = new[] { CreditUsageSet })]
[OutputType(typeof(RegisteredMembershipCustomer), ParameterSetName = new[] { MembershipSet })]
public sealed class RegisterMayarCustomerCommand : MayarCustomerInfoCmdlet<object>
{
    private const string CreditUsageSet = "CreditUsage";
    private const string MembershipSet = "Membership";

    /// <summary>Trial credit to grant (a whole number ≥ 0).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("trial_credit")]
    [InvariantDecimalTransformation]
    public decimal? TrialCredit { get; set; }

    /// <summary>The membership tier's id (UUID): registers into the tier of a membership product.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MembershipSet, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(MembershipTierCompleter))]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    /// <summary>The membership's monthly payment period: 1, 3, 6 or 12 months.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MembershipSet, ValueFromPipelineByPropertyName = true)]
    [Alias("monthly_period", "membershipMonthlyPeriod")]
    [ValidateSet("1", "3", "6", "12")]
    public int MonthlyPeriod { get; set; }

    private protected override object BuildRequest() => ParameterSetName == MembershipSet
        ? new RegisterMembershipCustomerRequest
        {
            ProductId = ProductId,
            MembershipTierId = MembershipTierId,
            MonthlyPeriod = MonthlyPeriod,
            Name = Name,
            Email = Email,
            Mobile = Mobile,
            TrialCredit = TrialCredit,
        }
        : new RegisterCreditCustomerRequest
        {
            ProductId = ProductId,
            Name = Name,
            Email = Email,
            Mobile = Mobile,
            TrialCredit = TrialCredit,
        };

    private protected override MayarOperation CreateOperation(object request) => request is RegisterMembershipCustomerRequest membership
        ? new RegisterMembershipCustomerOperation(membership)
        : new RegisterCreditCustomerOperation((RegisterCreditCustomerRequest)request);

    private protected override string ConfirmTarget(object request) => request is RegisterMembershipCustomerRequest membership
        ? $"member {membership.Email} in tier {membership.MembershipTierId} of product {membership.ProductId}"
        : $"customer {((RegisterCreditCustomerRequest)request).Email} in product {((RegisterCreditCustomerRequest)request).ProductId}";
}
