using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>Why credit moved.</summary>
public enum LedgerEntryType
{
    /// <summary>A balance the emulator starts with (docs/api/seeds/002-credit-balance.txt's sample customer).</summary>
    Opening,

    /// <summary>The trial credit given at registration (ADD_ON).</summary>
    RegistrationTrial,

    /// <summary>POST add-credit (ADD_ON).</summary>
    AddCredit,

    /// <summary>POST spend: MAIN first, then ADD_ON; one entry a wallet it took from, the amount negative.</summary>
    Spend,

    /// <summary>Credit put straight into a wallet through /_emulator/credit (MAIN stands for a checkout purchase).</summary>
    AdminCredit,
}

/// <summary>
/// One movement of credit in one wallet of one account: the signed amount, the wallet's balance and the account's
/// total just after it, and when. <see cref="Sequence"/> orders entries across all accounts.
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    DateTimeOffset Time,
    string CustomerId,
    string ProductId,
    LedgerEntryType Type,
    CreditWallet Wallet,
    decimal Amount,
    decimal BalanceAfter,
    decimal TotalAfter);

/// <summary>Every credit movement, oldest first. Thread-safe; the store appends under its own lock so entries follow balance order.</summary>
public sealed class CreditLedger
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = new();
    private long _sequence;

    public CreditLedger(EmulatorClock clock)
    {
        Clock = clock;
    }

    /// <summary>What stamps the entries: the server's clock, which tests may set off real time.</summary>
    public EmulatorClock Clock { get; }

    public IReadOnlyList<LedgerEntry> Entries()
    {
        lock (_gate)
        {
            return _entries.ToList();
        }
    }

    /// <summary>One account's movements, oldest first (ids as the store keeps them: canonical UUIDs).</summary>
    public IReadOnlyList<LedgerEntry> For(string customerId, string productId)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.CustomerId == customerId && e.ProductId == productId).ToList();
        }
    }

    /// <summary>Records a movement already applied to <paramref name="account"/>.</summary>
    internal LedgerEntry Record(CreditAccount account, LedgerEntryType type, CreditWallet wallet, decimal amount)
    {
        lock (_gate)
        {
            var entry = new LedgerEntry(++_sequence, Clock.Now, account.CustomerId, account.ProductId, type, wallet, amount, account.Balance(wallet), account.Total);
            _entries.Add(entry);
            return entry;
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
