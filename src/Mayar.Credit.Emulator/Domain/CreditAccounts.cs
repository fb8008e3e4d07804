using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// The credit accounts: a customer registered into a credit product, or into a membership tier (a member), each with
/// its two wallets; the customer id of every email the credit service knows; and the ledger entry of every movement.
/// Thread-safe: one lock covers the balances and their ledger entries, so entries follow the order balances changed.
/// </summary>
public sealed class CreditAccounts
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _customerIdsByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string CustomerId, string ProductId), CreditAccount> _accounts = new();
    private readonly Dictionary<string, CreditAccount> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly DistinctMillis _memberCreated = new();
    private readonly Random _random = new();
    private readonly V2Customers _customers;
    private readonly EmulatorClock _clock;

    public CreditAccounts(V2Customers customers, CreditLedger ledger, EmulatorClock clock)
    {
        _customers = customers;
        Ledger = ledger;
        _clock = clock;
    }

    /// <summary>Every credit movement, written under this aggregate's lock.</summary>
    public CreditLedger Ledger { get; }

    /// <summary>The credit-product accounts (not the members), copies.</summary>
    public IReadOnlyList<CreditAccount> All()
    {
        lock (_gate)
        {
            return _accounts.Values.Select(a => a.Copy()).ToList();
        }
    }

    /// <summary>The membership accounts, newest first (copies); of one product when <paramref name="productId"/> is given.</summary>
    public IReadOnlyList<CreditAccount> Members(string? productId = null)
    {
        lock (_gate)
        {
            return _members.Values
                .Where(m => productId is null || string.Equals(m.ProductId, productId, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(m => m.CreatedAtMs)
                .Select(m => m.Copy())
                .ToList();
        }
    }

    /// <summary>Registers an email into a product with its trial credit in ADD_ON; null when the email is already registered there.</summary>
    public CreditAccount? Register(string productId, string name, string email, string mobile, decimal trialCredit)
    {
        lock (_gate)
        {
            var customerId = CustomerIdOf(email, name, mobile);
            if (_accounts.ContainsKey((customerId, productId)))
            {
                return null;
            }

            var account = new CreditAccount(customerId, productId, name, email, mobile);
            _accounts[(customerId, productId)] = account;
            Move(account, LedgerEntryType.RegistrationTrial, CreditWallet.AddOn, trialCredit);
            return account.Copy();
        }
    }

    /// <summary>
    /// Registers an email into a membership tier: a new member id, the next payment a period later, the trial credit in
    /// ADD_ON. Null when the email is already a member of that tier.
    /// </summary>
    public CreditAccount? RegisterMember(string productId, string tierId, string name, string email, string mobile, int monthlyPeriod, decimal trialCredit)
    {
        lock (_gate)
        {
            var customerId = CustomerIdOf(email, name, mobile);
            if (_members.Values.Any(m => m.CustomerId == customerId && string.Equals(m.ProductId, productId, StringComparison.OrdinalIgnoreCase) && string.Equals(m.MembershipTierId, tierId, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var createdMs = _memberCreated.Next(_clock.Now);
            var member = new CreditAccount(customerId, productId, name, email, mobile)
            {
                MembershipTierId = tierId,
                MemberId = MemberIds.New(_random, _members.ContainsKey),
                RecordId = Guid.NewGuid().ToString("D"),
                MonthlyPeriod = monthlyPeriod,
                CreatedAtMs = createdMs,
                NextPaymentMs = NextPayment(createdMs, monthlyPeriod),
            };
            _members[member.MemberId!] = member;
            Move(member, LedgerEntryType.RegistrationTrial, CreditWallet.AddOn, trialCredit);
            return member.Copy();
        }
    }

    public CreditAccount? FindAccount(string customerId, string productId)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue((customerId, productId), out var account) ? account.Copy() : null;
        }
    }

    /// <summary>A membership account by member id or customer id in a product (and tier, when given); null when none.</summary>
    public CreditAccount? FindMember(string productId, string? tierId, string? memberId, string? customerId)
    {
        lock (_gate)
        {
            return MatchMember(productId, tierId, memberId, customerId)?.Copy();
        }
    }

    /// <summary>
    /// Adds credit to one wallet of a credit account, or of a membership account when a tier or member id is given
    /// (docs/api/mayar-api.md M3); null when there is no such account.
    /// </summary>
    public CreditAccount? AddCredit(string customerId, string productId, decimal amount, CreditWallet wallet, LedgerEntryType type, string? tierId = null, string? memberId = null)
    {
        lock (_gate)
        {
            var account = Locate(customerId, productId, tierId, memberId);
            if (account is null)
            {
                return null;
            }

            Move(account, type, wallet, amount);
            return account.Copy();
        }
    }

    /// <summary>Adds credit to a membership account's wallet (MAIN is the MEMBERSHIP wallet); null when there is no such member.</summary>
    public CreditAccount? AddMemberCredit(string memberId, decimal amount, CreditWallet wallet)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(memberId, out var member))
            {
                return null;
            }

            Move(member, LedgerEntryType.AdminCredit, wallet, amount);
            return member.Copy();
        }
    }

    /// <summary>Spends MAIN (a member's MEMBERSHIP wallet) first, then ADD_ON, all or nothing (docs/api/mayar-api.md C4, M4).</summary>
    public SpendResult Spend(string customerId, string productId, decimal amount, string? tierId = null, string? memberId = null)
    {
        lock (_gate)
        {
            var account = Locate(customerId, productId, tierId, memberId);
            if (account is null)
            {
                return new SpendResult(SpendStatus.NoAccount, 0, 0);
            }

            if (account.Total < amount)
            {
                return new SpendResult(SpendStatus.Insufficient, 0, 0);
            }

            var fromMain = Math.Min(account.Main, amount);
            var fromAddOn = amount - fromMain;
            Move(account, LedgerEntryType.Spend, CreditWallet.Main, -fromMain);
            Move(account, LedgerEntryType.Spend, CreditWallet.AddOn, -fromAddOn);
            return new SpendResult(SpendStatus.Spent, fromMain, fromAddOn, account.MembershipTierId is null ? "MAIN" : "MEMBERSHIP");
        }
    }

    /// <summary>
    /// Moves a V2 customer's email (docs/api/mayar-api.md K4): the credit service then knows the customer by the new email
    /// only. Taken when any other customer the credit service knows has the new email, a V2 customer or not.
    /// </summary>
    public EmailChange ChangeEmail(string fromEmail, string toEmail)
    {
        lock (_gate)
        {
            if (_customers.FindByEmail(fromEmail) is not { } customer)
            {
                return EmailChange.UnknownEmail;
            }

            if (_customerIdsByEmail.TryGetValue(toEmail, out var holder) && holder != customer.CustomerId)
            {
                return EmailChange.EmailTaken;
            }

            var change = _customers.ChangeEmail(fromEmail, toEmail);
            if (change == EmailChange.Changed)
            {
                _customerIdsByEmail.Remove(fromEmail);
                _customerIdsByEmail[toEmail] = customer.CustomerId;
            }

            return change;
        }
    }

    /// <summary>
    /// A start-up account with fixed ids and opening balances (a member when it has a member id); a V2 customer too
    /// when <paramref name="listed"/>.
    /// </summary>
    internal void Open(CreditAccount account, decimal main, decimal addOn, bool listed)
    {
        lock (_gate)
        {
            _customerIdsByEmail[account.Email] = account.CustomerId;
            if (listed)
            {
                _customers.Add(account.CustomerId, account.Email, account.Name, account.Mobile);
            }

            if (account.IsMembership)
            {
                _members[account.MemberId!] = account;
            }
            else
            {
                _accounts[(account.CustomerId, account.ProductId)] = account;
            }

            Move(account, LedgerEntryType.Opening, CreditWallet.Main, main);
            Move(account, LedgerEntryType.Opening, CreditWallet.AddOn, addOn);
        }
    }

    /// <summary>The next payment of a membership registered at <paramref name="createdMs"/>: a period of months later.</summary>
    internal static long NextPayment(long createdMs, int months) =>
        DateTimeOffset.FromUnixTimeMilliseconds(createdMs).AddMonths(months).ToUnixTimeMilliseconds();

    internal void Clear()
    {
        lock (_gate)
        {
            _customerIdsByEmail.Clear();
            _accounts.Clear();
            _members.Clear();
            _memberCreated.Reset();
            Ledger.Clear();
        }
    }

    // The customer id of an email; a new customer's first registration also makes it a V2 customer. Under _gate.
    private string CustomerIdOf(string email, string name, string mobile)
    {
        if (!_customerIdsByEmail.TryGetValue(email, out var customerId))
        {
            customerId = Guid.NewGuid().ToString("D");
            _customerIdsByEmail[email] = customerId;
            _customers.Add(customerId, email, name, mobile);
        }

        return customerId;
    }

    // The live account a movement applies to: a membership account when a tier or member id is given, else the
    // credit account of the customer in the product. Under _gate.
    private CreditAccount? Locate(string customerId, string productId, string? tierId, string? memberId)
    {
        if (tierId is null && memberId is null)
        {
            return _accounts.TryGetValue((customerId, productId), out var account) ? account : null;
        }

        return MatchMember(productId, tierId, memberId, customerId);
    }

    // The live membership account in a product that matches every id given (null ids match any). Under _gate.
    private CreditAccount? MatchMember(string productId, string? tierId, string? memberId, string? customerId) =>
        _members.Values.FirstOrDefault(m =>
            string.Equals(m.ProductId, productId, StringComparison.OrdinalIgnoreCase)
            && (tierId is null || string.Equals(m.MembershipTierId, tierId, StringComparison.OrdinalIgnoreCase))
            && (memberId is null || string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase))
            && (customerId is null || string.Equals(m.CustomerId, customerId, StringComparison.OrdinalIgnoreCase)));

    // Changes a wallet and writes the ledger entry; a zero amount is no movement and leaves no entry. Under _gate.
    private void Move(CreditAccount account, LedgerEntryType type, CreditWallet wallet, decimal amount)
    {
        if (amount == 0)
        {
            return;
        }

        account.Move(wallet, amount);
        Ledger.Record(account, type, wallet, amount);
    }
}
