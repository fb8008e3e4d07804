using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Gets the movements of a customer's credit in a Mayar credit product, newest first.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarCreditHistory", SupportsPaging = true)]
[OutputType(typeof(CreditHistoryEntry))]
public sealed class GetMayarCreditHistoryCommand : MayarListCmdlet<GetCreditHistoryRequest, CreditHistoryEntry>
{
    /// <summary>
    /// The customer's id (UUID), e.g. from Register-MayarCustomer; several ids are read one after the other (-First
    /// and -Skip apply to each), and plain ids bind from the pipeline.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [PlainTextTransformation]
    [Alias("customer_id")]
    public string?[]? CustomerId { get; set; }

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    /// <summary>The membership tier (UUID), for a membership product.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MembershipTierCompleter))]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    /// <summary>Only entries of this type.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("TOPUP", "MERCHANT_TOPUP", "TRIAL_TOPUP", "EXPIRE_VOID", "CREDIT_USAGE")]
    public string? Type { get; set; }

    /// <summary>Only entries of this wallet.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("MAIN", "MEMBERSHIP", "ADD_ON")]
    public string? WalletType { get; set; }

    /// <summary>Only entries at or after this time (a time without a zone is local).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTime? Since { get; set; }

    /// <summary>Only entries at or before this time (a time without a zone is local).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTime? Until { get; set; }

    /// <summary>Oldest first.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Ascending { get; set; }

    private protected override int MaxPageSize => GetCreditHistoryPageOperation.MaxPageSize;

    // One row per id, in the order given.
    private protected override IEnumerable<GetCreditHistoryRequest> BuildRequests() => MayarRows.EachId(CustomerId).Select(Query);

    private protected override string? RowIdentity(GetCreditHistoryRequest request) => request.CustomerId;

    private GetCreditHistoryRequest Query(string? customerId) => new()
    {
        CustomerId = customerId,
        ProductId = ProductId,
        MembershipTierId = string.IsNullOrWhiteSpace(MembershipTierId) ? null : MembershipTierId,
        Type = Type,
        WalletType = WalletType,
        Since = Since is DateTime since ? new DateTimeOffset(since) : null,
        Until = Until is DateTime until ? new DateTimeOffset(until) : null,
        Ascending = Ascending.IsPresent,
    };

    private protected override MayarOperation<MayarPage<CreditHistoryEntry>> CreateFirstPage(GetCreditHistoryRequest request, int pageSize) =>
        new GetCreditHistoryPageOperation(request, pageSize);
}
