namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// The fake Mayar domain as one façade over its aggregates: the products (<see cref="Products"/>), the credit
/// accounts and members with the ledger (<see cref="Accounts"/>), the V2 customers, docs/api/seeds/001-new-customer.txt's customer records and
/// the checkout links issued. The domain's operations are members here, each handed to the aggregate that owns it;
/// the aggregates are public to read their state (what tests count is derived from it). Each aggregate is
/// thread-safe; <see cref="CreditAccounts"/> changes a balance and writes its ledger entry under one lock.
/// </summary>
public sealed class CreditStore
{
    private readonly EmulatorOptions _options;

    public CreditStore(EmulatorOptions options)
        : this(options, new EmulatorClock())
    {
    }

    /// <summary>A store whose times (ledger entries, members, V2 customers, customer records, checkouts) come from <paramref name="clock"/>.</summary>
    public CreditStore(EmulatorOptions options, EmulatorClock clock)
    {
        _options = options;
        Clock = clock;
        Products = new ProductCatalog();
        V2Customers = new V2Customers(clock);
        Accounts = new CreditAccounts(V2Customers, new CreditLedger(clock), clock);
        V1CustomerRecords = new V1CustomerRecords(clock);
        Checkouts = new CheckoutLinks(Products, clock);
        Reset();
    }

    /// <summary>The server's clock, shared with the state that owns it.</summary>
    public EmulatorClock Clock { get; }

    public ProductCatalog Products { get; }

    public CreditAccounts Accounts { get; }

    /// <summary>Every credit movement (the accounts' ledger).</summary>
    public CreditLedger Ledger => Accounts.Ledger;

    public V2Customers V2Customers { get; }

    public V1CustomerRecords V1CustomerRecords { get; }

    public CheckoutLinks Checkouts { get; }

    /// <summary>
    /// Back to the start-up domain (<see cref="StartUpDomain"/>). Aggregate by aggregate, so a request answered during
    /// a reset may see some of each: reset with no request in flight, as the tests do between tests.
    /// </summary>
    public void Reset()
    {
        Products.Clear();
        Accounts.Clear();
        V2Customers.Clear();
        V1CustomerRecords.Clear();
        Checkouts.Clear();
        StartUpDomain.Seed(this, _options);
    }

    /// <summary>The credit product of that id (a new UUID when none is given), created unless it exists.</summary>
    public CreditProduct AddProduct(string? id, string? name) => Products.Add(id, name);

    /// <summary>True for a credit or a membership product of the key's owner.</summary>
    public bool HasProduct(string productId) => Products.Has(productId);

    /// <summary>A membership product with its tiers; null when the key's owner has no such membership product.</summary>
    public MembershipProduct? FindMembershipProduct(string productId) => Products.FindMembershipProduct(productId);

    /// <inheritdoc cref="CreditAccounts.Register"/>
    public CreditAccount? Register(string productId, string name, string email, string mobile, decimal trialCredit) =>
        Accounts.Register(productId, name, email, mobile, trialCredit);

    /// <inheritdoc cref="CreditAccounts.RegisterMember"/>
    public CreditAccount? RegisterMember(string productId, string tierId, string name, string email, string mobile, int monthlyPeriod, decimal trialCredit) =>
        Accounts.RegisterMember(productId, tierId, name, email, mobile, monthlyPeriod, trialCredit);

    public CreditAccount? FindAccount(string customerId, string productId) => Accounts.FindAccount(customerId, productId);

    /// <inheritdoc cref="CreditAccounts.FindMember"/>
    public CreditAccount? FindMember(string productId, string? tierId, string? memberId, string? customerId) =>
        Accounts.FindMember(productId, tierId, memberId, customerId);

    /// <inheritdoc cref="CreditAccounts.AddCredit"/>
    public CreditAccount? AddCredit(string customerId, string productId, decimal amount, CreditWallet wallet, LedgerEntryType type, string? tierId = null, string? memberId = null) =>
        Accounts.AddCredit(customerId, productId, amount, wallet, type, tierId, memberId);

    /// <inheritdoc cref="CreditAccounts.AddMemberCredit"/>
    public CreditAccount? AddMemberCredit(string memberId, decimal amount, CreditWallet wallet) => Accounts.AddMemberCredit(memberId, amount, wallet);

    /// <inheritdoc cref="CreditAccounts.Spend"/>
    public SpendResult Spend(string customerId, string productId, decimal amount, string? tierId = null, string? memberId = null) =>
        Accounts.Spend(customerId, productId, amount, tierId, memberId);

    /// <inheritdoc cref="CheckoutLinks.Issue"/>
    public bool IssueCheckout(string productId, string email, decimal? creditAmount) => Checkouts.Issue(productId, email, creditAmount);

    /// <inheritdoc cref="CreditAccounts.ChangeEmail"/>
    public EmailChange ChangeCustomerEmail(string fromEmail, string toEmail) => Accounts.ChangeEmail(fromEmail, toEmail);
}
