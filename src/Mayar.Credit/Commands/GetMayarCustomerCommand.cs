using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets the customers of the Mayar account, or one customer by email.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCustomer", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(MayarCustomerSummary))]
public sealed class GetMayarCustomerCommand : MayarListCmdlet<GetCustomerRequest, MayarCustomerSummary>
{
    private const string ListSet = "List";
    private const string EmailSet = "Email";

    /// <summary>The customer's email address: reads that customer only. Several addresses read one customer each, and plain addresses bind from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [PlainTextTransformation]
    [Alias("EmailAddress", "CustomerEmail")]
    public string?[]? Email { get; set; }

    private protected override int MaxPageSize => GetCustomersPageOperation.MaxPageSize;

    // The list is one row; each email is a row of its own.
    private protected override IEnumerable<GetCustomerRequest> BuildRequests() => ParameterSetName == EmailSet
        ? MayarRows.EachId(Email).Select(email => new GetCustomerRequest { Email = email })
        : new[] { new GetCustomerRequest() };

    private protected override string? RowIdentity(GetCustomerRequest request) => request.Email;

    private protected override MayarOperation<MayarCustomerSummary>? CreateSingleRead(GetCustomerRequest request) =>
        ParameterSetName == EmailSet ? new GetCustomerByEmailOperation(request) : null;

    private protected override MayarOperation<MayarPage<MayarCustomerSummary>> CreateFirstPage(GetCustomerRequest request, int pageSize) =>
        new GetCustomersPageOperation(pageSize);
}
