using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// A write that moves credit (adding or spending it). The API has no idempotency key, so it is never repeatable:
/// when its answer is lost after it may have arrived, the client reconciles it from the customer's credit history
/// (see CreditMovementReconciler and docs/reliability.md) instead of guessing.
/// </summary>
/// <typeparam name="TResult">What a successful movement is reported as.</typeparam>
public abstract class CreditMovementOperation<TResult> : JsonOperation<CreditMovementRequest, TResult>, ICreditMovementSteps
    where TResult : class
{
    // Each arrival moves credit again.
    internal CreditMovementOperation(string route, CreditMovementRequest request)
        : base(MayarEndpoint.Write(route, RepeatAnswer.Duplicate), request)
    {
        CustomerId = MayarInputRules.Uuid(request.CustomerId, nameof(request.CustomerId));
        ProductId = MayarInputRules.Uuid(request.ProductId, nameof(request.ProductId));
        Amount = MayarInputRules.PositiveAmount(request.Amount, nameof(request.Amount));
        MembershipTierId = request.MembershipTierId is null ? null : MayarInputRules.Uuid(request.MembershipTierId, nameof(request.MembershipTierId));
        MemberId = request.MemberId is null ? null : MayarInputRules.MemberId(request.MemberId, nameof(request.MemberId));
        SendBody(
            new CreditMovementWireBody { CustomerId = CustomerId, ProductId = ProductId, Amount = (long)Amount, MembershipTierId = MembershipTierId, MemberId = MemberId },
            MayarJsonContext.Wire.CreditMovementBody);
    }

    /// <summary>The customer's id, as sent.</summary>
    public string CustomerId { get; }

    /// <summary>The product's id, as sent.</summary>
    public string ProductId { get; }

    /// <summary>The amount, as sent.</summary>
    public decimal Amount { get; }

    /// <summary>The membership tier, as sent; null for a credit-usage product.</summary>
    public string? MembershipTierId { get; }

    /// <summary>The member id, as sent.</summary>
    public string? MemberId { get; }

    /// <summary>"add" or "spend".</summary>
    public abstract string Kind { get; }

    /// <summary>The credit history entry type this movement makes.</summary>
    public abstract string HistoryType { get; }

    string ICreditMovementSteps.Account => CreditAccountGate.KeyOf(CustomerId, ProductId, MembershipTierId);

    /// <summary>The result to report when the history shows the movement applied as <paramref name="matched"/>.</summary>
    internal abstract TResult Reconciled(IReadOnlyList<CreditHistoryEntry> matched);

    /// <summary>A spend's split as its result reports it; null for a top-up or when unknown.</summary>
    internal virtual IReadOnlyList<CreditWalletPart>? PartsOf(TResult result) => null;

    /// <summary>What the journal records of a done result.</summary>
    internal abstract CreditJournalOutcome OutcomeOf(TResult result);

    /// <summary>The result a journal's done row stands for.</summary>
    internal abstract TResult FromJournal(CreditJournalOutcome outcome);

    /// <summary>Stamps the row's key on a result.</summary>
    internal abstract void SetReference(TResult result, string? reference);

    object ICreditMovementSteps.Reconciled(IReadOnlyList<CreditHistoryEntry> matched) => Reconciled(matched);

    IReadOnlyList<CreditWalletPart>? ICreditMovementSteps.PartsOf(object result) => PartsOf((TResult)result);

    CreditJournalOutcome ICreditMovementSteps.OutcomeOf(object result) => OutcomeOf((TResult)result);

    object ICreditMovementSteps.FromJournal(CreditJournalOutcome outcome) => FromJournal(outcome);

    void ICreditMovementSteps.SetReference(object result, string? reference) => SetReference((TResult)result, reference);
}

/// <summary>The body of add-credit and spend, as the documents show it (outside the generic operation, so there is one type).</summary>
internal sealed class CreditMovementWireBody
{
    [JsonPropertyName("customerId")]
    public string CustomerId { get; set; } = string.Empty;

    [JsonPropertyName("productId")]
    public string ProductId { get; set; } = string.Empty;

    [JsonPropertyName("amount")]
    public long Amount { get; set; }

    [JsonPropertyName("membershipTierId")]
    public string? MembershipTierId { get; set; }

    [JsonPropertyName("memberId")]
    public string? MemberId { get; set; }
}
