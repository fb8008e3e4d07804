using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>Claims for a journal's rows: their account, their id (one per send), and the claim a done row makes.</summary>
internal static class CreditJournalClaims
{
    /// <summary>The same id for the send in this process and for its row read back by a later one.</summary>
    public static string Id(CreditJournal journal, CreditJournalSend send) =>
        journal.Path + "#" + send.Key + "#" + send.SentAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static string HistoryType(string kind) => kind == "spend" ? GetCreditHistoryRequest.CreditUsage : GetCreditHistoryRequest.MerchantTopUp;

    public static CreditMovementClaim From(CreditJournal journal, CreditJournalSend send, CreditJournalOutcome outcome)
    {
        // The outcome's own send time, when it has one, was reckoned once the server's clock was known.
        var sentAt = outcome.SentAt ?? send.SentAt;
        var uncertainty = outcome.SentAt is null ? send.ClockUncertainty : outcome.ClockUncertainty;
        var from = CreditWindowEdge.Earliest(sentAt, uncertainty);
        var to = CreditWindowEdge.Latest(outcome.At, outcome.ClockUncertainty ?? uncertainty);
        return new CreditMovementClaim(Id(journal, send), HistoryType(send.Kind), send.Amount, CreditWalletPart.Split(outcome.Wallet, outcome.FromWallet, outcome.FromAddOn), from, to, outcome.MatchedEntryIds);
    }
}
