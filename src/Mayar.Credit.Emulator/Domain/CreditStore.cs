using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>What a spend did: spent (how much from each wallet), or why not.</summary>
public enum SpendStatus
{
    Spent,
    NoAccount,
    Insufficient,
}

/// <summary>What a spend did; <see cref="MainWallet"/> names the first wallet: MAIN, or MEMBERSHIP for a member.</summary>
public readonly record struct SpendResult(SpendStatus Status, decimal FromMain, decimal FromAddOn, string MainWallet = "MAIN");

/// <summary>
/// The fake Mayar domain: credit products, credit accounts (a customer registered into a product, with its two
/// wallets), seed 001's customer records, and the ledger of every credit movement. Thread-safe: balances change and
/// their ledger entries are written under one lock.
/// </summary>
public sealed class CreditStore
{
    private readonly object _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Dictionary<string, CreditProduct> _products = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _creditCustomerIdsByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string CustomerId, string ProductId), CreditAccount> _accounts = new();
    private readonly Dictionary<string, MembershipProduct> _membershipProducts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CreditAccount> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random _random = new();
    private int _checkoutCount;
    private readonly Dictionary<string, HeadlessCustomer> _headless = new(StringComparer.OrdinalIgnoreCase);
    private long _lastCreatedMs;

    public CreditStore(EmulatorOptions options)
        : this(options, new EmulatorClock())
    {
    }

    /// <summary>A store whose times (ledger entries, members, V2 customers, customer records) come from <paramref name="clock"/>.</summary>
    public CreditStore(EmulatorOptions options, EmulatorClock clock)
    {
        _options = options;
        Clock = clock;
        Customers = new CustomerRecords(clock);
        Ledger = new CreditLedger(clock);
        Reset();
    }

    /// <summary>The server's clock, shared with the state that owns it.</summary>
    public EmulatorClock Clock { get; }

    public CustomerRecords Customers { get; }

    public CreditLedger Ledger { get; }

    /// <summary>Back to the start-up domain: the start-up products, the sample customer with its balance, no customer records.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _products.Clear();
            _creditCustomerIdsByEmail.Clear();
            _accounts.Clear();
            _membershipProducts.Clear();
            _members.Clear();
            _headless.Clear();
            _lastCreatedMs = 0;
            Customers.Clear();
            Ledger.Clear();
            _checkoutCount = 0;
            AddProduct(_options.ProductId, "Credit product");
            AddProduct(EmulatorOptions.SampleProductId, "Seed 002 sample product");
            var sample = new CreditAccount(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId, "john doe", "johndoe.sample@example.com", "08777777777");
            _creditCustomerIdsByEmail[sample.Email] = sample.CustomerId;
            _accounts[(sample.CustomerId, sample.ProductId)] = sample;
            AddHeadless(sample);
            Move(sample, LedgerEntryType.Opening, CreditWallet.Main, 29501m);
            Move(sample, LedgerEntryType.Opening, CreditWallet.AddOn, 500m);

            _membershipProducts[EmulatorOptions.MembershipProductId] = new MembershipProduct(
                EmulatorOptions.MembershipProductId, "Membership product", new[] { EmulatorOptions.MembershipTierId, EmulatorOptions.SecondMembershipTierId });
            var createdMs = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            var member = new CreditAccount(EmulatorOptions.SampleMemberCustomerId, EmulatorOptions.MembershipProductId, "jane member", "janemember.sample@example.com", "08123456789")
            {
                MembershipTierId = EmulatorOptions.MembershipTierId,
                MemberId = EmulatorOptions.SampleMemberId,
                MonthlyPeriod = 1,
                CreatedAtMs = createdMs,
                NextPaymentMs = NextPayment(createdMs, 1),
            };
            _creditCustomerIdsByEmail[member.Email] = member.CustomerId;
            _members[member.MemberId!] = member;
            Move(member, LedgerEntryType.Opening, CreditWallet.Main, 1200m);
            Move(member, LedgerEntryType.Opening, CreditWallet.AddOn, 300m);
        }
    }

    /// <summary>A membership product's tiers; null when the key's owner has no such membership product.</summary>
    public MembershipProduct? FindMembershipProduct(string productId)
    {
        lock (_gate)
        {
            return _membershipProducts.TryGetValue(productId, out var product) ? product : null;
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
            if (!_creditCustomerIdsByEmail.TryGetValue(email, out var customerId))
            {
                customerId = Guid.NewGuid().ToString("D");
                _creditCustomerIdsByEmail[email] = customerId;
                AddHeadless(new CreditAccount(customerId, productId, name, email, mobile));
            }

            if (_members.Values.Any(m => m.CustomerId == customerId && string.Equals(m.ProductId, productId, StringComparison.OrdinalIgnoreCase) && string.Equals(m.MembershipTierId, tierId, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var createdMs = Clock.Now.ToUnixTimeMilliseconds();
            var member = new CreditAccount(customerId, productId, name, email, mobile)
            {
                MembershipTierId = tierId,
                MemberId = NewMemberId(),
                MonthlyPeriod = monthlyPeriod,
                CreatedAtMs = createdMs,
                NextPaymentMs = NextPayment(createdMs, monthlyPeriod),
            };
            _members[member.MemberId!] = member;
            Move(member, LedgerEntryType.RegistrationTrial, CreditWallet.AddOn, trialCredit);
            return member.Copy();
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

    /// <summary>How many membership registrations there are, the sample member's included.</summary>
    public int MembershipCount
    {
        get
        {
            lock (_gate)
            {
                return _members.Count;
            }
        }
    }

    private static long NextPayment(long createdMs, int months) =>
        DateTimeOffset.FromUnixTimeMilliseconds(createdMs).AddMonths(months).ToUnixTimeMilliseconds();

    // 8 upper-case letters or digits no member has yet. Under _gate.
    private string NewMemberId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        while (true)
        {
            var chars = new char[8];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }

            var id = new string(chars);
            if (!_members.ContainsKey(id))
            {
                return id;
            }
        }
    }

    public CreditProduct AddProduct(string? id, string? name)
    {
        lock (_gate)
        {
            var key = string.IsNullOrWhiteSpace(id) ? Guid.NewGuid().ToString("D") : Guid.Parse(id).ToString("D");
            if (!_products.TryGetValue(key, out var product))
            {
                product = new CreditProduct(key, string.IsNullOrWhiteSpace(name) ? "Credit product" : name!);
                _products[key] = product;
            }

            return product;
        }
    }

    public IReadOnlyList<CreditProduct> Products()
    {
        lock (_gate)
        {
            return _products.Values.ToList();
        }
    }

    public bool HasProduct(string productId)
    {
        lock (_gate)
        {
            return _products.ContainsKey(productId) || _membershipProducts.ContainsKey(productId);
        }
    }

    /// <summary>Registers an email into a product with its trial credit in ADD_ON; null when the email is already registered there.</summary>
    public CreditAccount? Register(string productId, string name, string email, string mobile, decimal trialCredit)
    {
        lock (_gate)
        {
            if (!_creditCustomerIdsByEmail.TryGetValue(email, out var customerId))
            {
                customerId = Guid.NewGuid().ToString("D");
                _creditCustomerIdsByEmail[email] = customerId;
                AddHeadless(new CreditAccount(customerId, productId, name, email, mobile));
            }

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

    public CreditAccount? FindAccount(string customerId, string productId)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue((customerId, productId), out var account) ? account.Copy() : null;
        }
    }

    /// <summary>
    /// Adds credit to one wallet of a credit account, or of a membership account when a tier or member id is given
    /// (mayar-api.md M3); null when there is no such account.
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

    /// <summary>Spends MAIN (a member's MEMBERSHIP wallet) first, then ADD_ON, all or nothing (mayar-api.md C4, M4).</summary>
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

    /// <summary>How many immutable checkout links were issued (they change no balance: a buyer pays through them).</summary>
    public int CheckoutCount
    {
        get
        {
            lock (_gate)
            {
                return _checkoutCount;
            }
        }
    }

    /// <summary>Records an issued checkout link; false when the product is unknown.</summary>
    public bool IssueCheckout(string productId)
    {
        lock (_gate)
        {
            if (!_products.ContainsKey(productId))
            {
                return false;
            }

            _checkoutCount++;
            return true;
        }
    }

    /// <summary>How many (customer, product) registrations there are, the sample's included.</summary>
    public int RegistrationCount
    {
        get
        {
            lock (_gate)
            {
                return _accounts.Count;
            }
        }
    }

    public IReadOnlyList<CreditAccount> Accounts()
    {
        lock (_gate)
        {
            return _accounts.Values.Select(a => a.Copy()).ToList();
        }
    }

    /// <summary>The V2 (/hl/v2) customers, newest first: one per email registered into any product.</summary>
    public IReadOnlyList<HeadlessCustomer> HeadlessCustomers()
    {
        lock (_gate)
        {
            return _headless.Values.OrderByDescending(c => c.CreatedAtMs).ToList();
        }
    }

    /// <summary>The V2 customer of an email (any case); null when none.</summary>
    public HeadlessCustomer? FindHeadlessCustomer(string email)
    {
        lock (_gate)
        {
            return _headless.TryGetValue(email, out var customer) ? customer : null;
        }
    }

    // A customer's first registration makes it a V2 customer, with a creation time in milliseconds no other has
    // (the list's cursor is that time). Under _gate.
    private void AddHeadless(CreditAccount account)
    {
        _lastCreatedMs = Math.Max(Clock.Now.ToUnixTimeMilliseconds(), _lastCreatedMs + 1);
        _headless[account.Email] = new HeadlessCustomer(account.CustomerId, account.Email, account.Name, account.Mobile, _lastCreatedMs);
    }

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
