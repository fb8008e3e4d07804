using System.Collections.Generic;
using System.Linq;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C3: POST credit into a customer's account (a merchant top-up).</summary>
public sealed class AddCreditOperation : CreditMovementOperation<CreditTopUp>
{
    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public AddCreditOperation(CreditMovementRequest request)
        : base(MayarRoutes.AddCredit, request)
    {
    }

    /// <inheritdoc />
    public override string Kind => "add";

    /// <summary>A top-up by the merchant.</summary>
    public override string HistoryType => GetCreditHistoryRequest.MerchantTopUp;

    internal override CreditTopUp Reconciled(IReadOnlyList<CreditHistoryEntry> matched)
    {
        var topUp = Result(null, reconciled: true);
        topUp.MatchedEntryId = matched.Select(e => e.Id ?? string.Empty).ToArray();
        return topUp;
    }

    internal override CreditJournalOutcome OutcomeOf(CreditTopUp result) => new()
    {
        Status = CreditJournalStatus.Done,
        Reconciled = result.Reconciled,
        MatchedEntryIds = result.MatchedEntryId,
        BalanceAfter = result.BalanceAfter,
    };

    internal override CreditTopUp FromJournal(CreditJournalOutcome outcome)
    {
        var topUp = Result(outcome.BalanceAfter, outcome.Reconciled);
        topUp.MatchedEntryId = outcome.MatchedEntryIds.ToArray();
        topUp.FromJournal = true;
        return topUp;
    }

    internal override void SetReference(CreditTopUp result, string? reference) => result.Reference = reference;

    internal override CreditTopUp Read(MayarPayload payload)
    {
        // The example has numbers inside "data"; the field list has strings at the root: both are read.
        var reply = payload.Read(MayarJsonContext.Wire.AddCreditPayload);
        return Result(reply.CustomerBalance, reconciled: false);
    }

    private CreditTopUp Result(decimal? balanceAfter, bool reconciled) => new()
    {
        CustomerId = CustomerId,
        ProductId = ProductId,
        Amount = Amount,
        BalanceAfter = balanceAfter,
        MembershipTierId = MembershipTierId,
        MemberId = MemberId,
        Reconciled = reconciled,
    };

    /// <summary>The reply: the balance after the top-up.</summary>
    internal sealed class WirePayload
    {
        public decimal? CustomerBalance { get; set; }
    }
}
