using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// What Add-MayarCredit and Use-MayarCredit share: their parameters, the request built from them, the -WhatIf text,
/// the journal that makes a batch safe to re-run (-JournalPath, -Reference), and the report of unfinished rows on a
/// stop. Each names only its operation and its action.
/// </summary>
public abstract class MayarCreditMovementCmdlet : MayarOperationCmdlet<CreditMovementRequest>
{
    private readonly CreditRowKeys _keys = new();
    private readonly Dictionary<MayarOperation, string> _rowKeys = new();
    private CreditJournal? _journal;

    /// <summary>The customer's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    /// <summary>The credit to move: a whole number of 1 or more.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Credit", "credit_amount")]
    [InvariantDecimalTransformation]
    public decimal Amount { get; set; }

    /// <summary>The membership tier (UUID), for a membership product.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MembershipTierCompleter))]
    [Alias("membership_tier_id")]
    public string? MembershipTierId { get; set; }

    /// <summary>The member's 8-character id, for a membership product.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("member_id")]
    public string? MemberId { get; set; }

    /// <summary>
    /// The row's own key in the journal (a CSV column Reference or IdempotencyKey); without it the key is derived from
    /// the row and its place among equal rows.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IdempotencyKey")]
    public string? Reference { get; set; }

    /// <summary>
    /// A file that records every send before it leaves and every outcome after it is known (JSON Lines). Re-running the
    /// same input with the same file sends only what was not done: rows done before come back with FromJournal, a row
    /// whose process died is checked in the credit history first, a row whose outcome is unknown is not sent.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    private protected override bool ReportsUnfinishedRows => true;

    /// <summary>Resolves the connection and opens the journal (refusing a locked, unreadable or foreign one).</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (JournalPath is null)
        {
            return;
        }

        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
        try
        {
            _journal = CreditJournal.Open(path, new CreditJournalIdentity { Environment = ActiveConnection.Environment.ToString(), BaseUri = ActiveConnection.BaseUri.AbsoluteUri });
        }
        catch (CreditJournalException ex)
        {
            ThrowTerminatingError(MayarErrorRecords.Journal(ex, JournalPath));
        }
    }

    private protected override MayarOperation CreateOperation(CreditMovementRequest request)
    {
        var operation = CreateMovement(request);
        var movement = (ICreditMovement)operation;
        if (_journal is null && request.Reference is null)
        {
            return operation;
        }

        var key = _keys.Next(movement, request.Reference);
        _rowKeys[operation] = key;
        if (_journal is not null)
        {
            try
            {
                _journal.Check(CreditJournalRecords.SendOf(movement, key));
            }
            catch (CreditJournalException ex)
            {
                StopAndThrow(MayarErrorRecords.Journal(ex, request));
            }
        }

        return operation;
    }

    /// <summary>A row is named by its customer, or its member for a membership.</summary>
    private protected override string? RowIdentity(CreditMovementRequest request) =>
        string.IsNullOrWhiteSpace(request.CustomerId) ? request.MemberId : request.CustomerId;

    /// <summary>The add or spend operation for <paramref name="request"/>; creating it applies the input rules.</summary>
    private protected abstract MayarOperation CreateMovement(CreditMovementRequest request);

    private protected override Task<object> SendAsync(MayarClient client, MayarOperation operation, IMayarTraceListener trace, CancellationToken cancellationToken)
    {
        _rowKeys.TryGetValue(operation, out var key);
        _rowKeys.Remove(operation);
        return client.SendCreditMovementAsync(operation, _journal, key, trace, cancellationToken);
    }

    private protected override void ReleaseWhenSettled(Task settled)
    {
        var journal = _journal;
        if (journal is not null)
        {
            settled.ContinueWith(_ => journal.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // An empty CSV cell means "not given".
    private protected override CreditMovementRequest BuildRequest() => new()
    {
        CustomerId = CustomerId,
        ProductId = ProductId,
        Amount = Amount,
        MembershipTierId = string.IsNullOrWhiteSpace(MembershipTierId) ? null : MembershipTierId,
        MemberId = string.IsNullOrWhiteSpace(MemberId) ? null : MemberId,
        Reference = string.IsNullOrWhiteSpace(Reference) ? null : Reference,
    };

}
