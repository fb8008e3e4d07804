using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets the customers of the Mayar account, or one customer by email.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCustomer", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(MayarCustomerSummary))]
public sealed class GetMayarCustomerCommand : MayarListCmdlet<CustomerLookup, MayarCustomerSummary>
{
    private const string ListSet = "List";
    private const string EmailSet = "Email";

    /// <summary>The customer's email address: reads that customer only.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress", "CustomerEmail")]
    public string Email { get; set; } = string.Empty;

    private protected override int MaxPageSize => GetCustomersPageOperation.MaxPageSize;

    private protected override CustomerLookup BuildRequest() => new() { Email = ParameterSetName == EmailSet ? Email : null };

    private protected override MayarOperation<MayarCustomerSummary>? CreateSingleRead(CustomerLookup request) =>
        ParameterSetName == EmailSet ? new GetCustomerByEmailOperation(request) : null;

    private protected override MayarOperation<MayarPage<MayarCustomerSummary>> CreateFirstPage(CustomerLookup request, int pageSize) =>
        new GetCustomersPageOperation(pageSize);
}
