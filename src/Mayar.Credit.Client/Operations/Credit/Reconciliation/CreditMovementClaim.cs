using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>
/// A credit movement this connection completed, which accounts for its entries in the customer's credit history:
/// a later reconciliation of the same account does not count them as its own. An answered movement is known by its
/// amount (a spend also by its wallet split, as the reply reported it) and the server-time window it was made in; a
/// reconciled one by the ids of the entries it matched.
/// </summary>
internal sealed class CreditMovementClaim
{
    public CreditMovementClaim(string id, string historyType, decimal amount, IReadOnlyList<CreditWalletPart>? parts, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string>? entryIds)
    {
        Id = id;
        HistoryType = historyType;
        Amount = amount;
        Parts = parts;
        From = from;
        To = to;
        EntryIds = entryIds ?? Array.Empty<string>();
    }

    /// <summary>Unique per send (a journal row's send carries its key and time), so one movement is never claimed twice.</summary>
    public string Id { get; }

    /// <summary>MERCHANT_TOPUP or CREDIT_USAGE.</summary>
    public string HistoryType { get; }

    /// <summary>The amount moved (positive).</summary>
    public decimal Amount { get; }

    /// <summary>A spend's split over the wallets as the reply reported it; null when unknown (and for a top-up).</summary>
    public IReadOnlyList<CreditWalletPart>? Parts { get; }

    /// <summary>The earliest server time its entries can carry.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The latest server time its entries can carry.</summary>
    public DateTimeOffset To { get; }

    /// <summary>The entries it is known to have made (a reconciled movement); empty when known only by amount and time.</summary>
    public IReadOnlyList<string> EntryIds { get; }
}

/// <summary>One wallet's part of a spend, e.g. MAIN 120.</summary>
internal readonly struct CreditWalletPart
{
    public CreditWalletPart(string wallet, decimal amount)
    {
        Wallet = wallet;
        Amount = amount;
    }

    public string Wallet { get; }

    public decimal Amount { get; }

    /// <summary>The parts a spend of <paramref name="fromWallet"/> from <paramref name="wallet"/> and <paramref name="fromAddOn"/> from ADD_ON leaves (no entry for a zero part); null when the split is not known.</summary>
    public static IReadOnlyList<CreditWalletPart>? Split(string? wallet, decimal? fromWallet, decimal? fromAddOn)
    {
        if (wallet is null || fromWallet is null || fromAddOn is null)
        {
            return null;
        }

        var parts = new List<CreditWalletPart>();
        if (fromWallet > 0)
        {
            parts.Add(new CreditWalletPart(wallet, fromWallet.Value));
        }

        if (fromAddOn > 0)
        {
            parts.Add(new CreditWalletPart("ADD_ON", fromAddOn.Value));
        }

        return parts;
    }
}
