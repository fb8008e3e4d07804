using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md C4: POST a spend of a customer's credit.</summary>
public sealed class SpendCreditOperation : CreditMovementOperation<CreditSpend>
{
    // "Successfully spent 10. MAIN: 10, ADD_ON: 0" (or MEMBERSHIP: for a membership product).
    private static readonly Regex Split = new(@"\b(MAIN|MEMBERSHIP)\s*:\s*(\d+(?:\.\d+)?)\s*,\s*ADD_ON\s*:\s*(\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public SpendCreditOperation(CreditMovementRequest request)
        : base(MayarRoutes.SpendCredit, request)
    {
    }

    /// <inheritdoc />
    public override string Kind => "spend";

    /// <summary>A use of credit.</summary>
    public override string HistoryType => GetCreditHistoryRequest.CreditUsage;

    // The split is read from the matched entries: the main wallet's (MAIN or MEMBERSHIP) and ADD_ON's.
    internal override CreditSpend Reconciled(IReadOnlyList<CreditHistoryEntry> matched)
    {
        var spend = Result(reconciled: true);
        spend.MatchedEntryId = matched.Select(e => e.Id ?? string.Empty).ToArray();
        var main = matched.Where(e => !IsAddOn(e.WalletType)).ToList();
        spend.Wallet = main.Select(e => e.WalletType).FirstOrDefault(w => w is not null)?.ToUpperInvariant() ?? (MembershipTierId is null ? "MAIN" : "MEMBERSHIP");
        spend.FromWallet = -main.Sum(e => e.Amount);
        spend.FromAddOn = -matched.Where(e => IsAddOn(e.WalletType)).Sum(e => e.Amount);
        return spend;
    }

    internal override IReadOnlyList<CreditWalletPart>? PartsOf(CreditSpend result) => CreditWalletPart.Split(result.Wallet, result.FromWallet, result.FromAddOn);

    internal override CreditJournalOutcome OutcomeOf(CreditSpend result) => new()
    {
        Status = CreditJournalStatus.Done,
        Reconciled = result.Reconciled,
        MatchedEntryIds = result.MatchedEntryId,
        Wallet = result.Wallet,
        FromWallet = result.FromWallet,
        FromAddOn = result.FromAddOn,
    };

    internal override CreditSpend FromJournal(CreditJournalOutcome outcome)
    {
        var spend = Result(outcome.Reconciled);
        spend.MatchedEntryId = outcome.MatchedEntryIds.ToArray();
        spend.Wallet = outcome.Wallet;
        spend.FromWallet = outcome.FromWallet;
        spend.FromAddOn = outcome.FromAddOn;
        spend.FromJournal = true;
        return spend;
    }

    internal override void SetReference(CreditSpend result, string? reference) => result.Reference = reference;

    private static bool IsAddOn(string? wallet) => string.Equals(wallet, "ADD_ON", StringComparison.OrdinalIgnoreCase);

    // "Cannot spend customer credit. Insufficient customer credit" is a 400 (docs/api/mayar-api.md C4).
    internal override MayarErrorKind? ClassifyFailure(int status, string? message) =>
        status == 400 && message is not null && message.IndexOf("insufficient", StringComparison.OrdinalIgnoreCase) >= 0
            ? MayarErrorKind.InsufficientCredit
            : null;

    internal override CreditSpend Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.SpendCreditPayload);
        var spend = Result(reconciled: false);

        // A structured split when the reply has one, else the one in the message text.
        if (reply.Main is not null || reply.Membership is not null || reply.AddOn is not null)
        {
            spend.Wallet = reply.Membership is not null ? "MEMBERSHIP" : "MAIN";
            spend.FromWallet = reply.Membership ?? reply.Main ?? 0m;
            spend.FromAddOn = reply.AddOn ?? 0m;
        }
        else if (Split.Match(reply.Messages ?? reply.Message ?? string.Empty) is { Success: true } match)
        {
            spend.Wallet = match.Groups[1].Value.ToUpperInvariant();
            spend.FromWallet = decimal.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            spend.FromAddOn = decimal.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return spend;
    }

    private CreditSpend Result(bool reconciled) => new()
    {
        CustomerId = CustomerId,
        ProductId = ProductId,
        Amount = Amount,
        MembershipTierId = MembershipTierId,
        MemberId = MemberId,
        Reconciled = reconciled,
    };

    /// <summary>The reply: a message with the split, or the split as fields.</summary>
    internal sealed class WirePayload
    {
        public string? Message { get; set; }

        public string? Messages { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("MAIN")]
        public decimal? Main { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("MEMBERSHIP")]
        public decimal? Membership { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("ADD_ON")]
        public decimal? AddOn { get; set; }
    }
}
