using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Domain;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The emulator's ledger: every credit movement, with its type, wallet, signed amount, balances after and time.</summary>
public sealed class CreditLedgerTests : EmulatorTest
{
    public CreditLedgerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private CreditStore Store => State.Store;

    [Fact]
    public void The_sample_balance_opens_the_ledger()
    {
        var entries = Store.Ledger.For(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId);

        Assert.Equal(
            new[] { (LedgerEntryType.Opening, CreditWallet.Main, 29501m, 29501m, 29501m), (LedgerEntryType.Opening, CreditWallet.AddOn, 500m, 500m, 30001m) },
            entries.Select(e => (e.Type, e.Wallet, e.Amount, e.BalanceAfter, e.TotalAfter)));
        var member = Store.Ledger.For(EmulatorOptions.SampleMemberCustomerId, EmulatorOptions.MembershipProductId);
        Assert.Equal(
            new[] { (LedgerEntryType.Opening, CreditWallet.Main, 1200m), (LedgerEntryType.Opening, CreditWallet.AddOn, 300m) },
            member.Select(e => (e.Type, e.Wallet, e.Amount)));
        Assert.Equal(entries.Concat(member), Store.Ledger.Entries());
    }

    [Fact]
    public async Task Registration_credit_and_spend_each_leave_their_entries()
    {
        var product = NewProduct();
        var before = DateTimeOffset.UtcNow;
        var customer = await RegisterAsync(product, trialCredit: 100);
        Store.AddCredit(customer.CustomerId, product, 50, CreditWallet.Main, LedgerEntryType.AdminCredit);
        using var http = RawHttp();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "add-credit", customer.CustomerId, product, 25)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "spend", customer.CustomerId, product, 60)).StatusCode);

        var entries = Store.Ledger.For(customer.CustomerId, product);
        Assert.Equal(
            new[]
            {
                (LedgerEntryType.RegistrationTrial, CreditWallet.AddOn, 100m, 100m, 100m),
                (LedgerEntryType.AdminCredit, CreditWallet.Main, 50m, 50m, 150m),
                (LedgerEntryType.AddCredit, CreditWallet.AddOn, 25m, 125m, 175m),
                (LedgerEntryType.Spend, CreditWallet.Main, -50m, 0m, 125m),
                (LedgerEntryType.Spend, CreditWallet.AddOn, -10m, 115m, 115m),
            },
            entries.Select(e => (e.Type, e.Wallet, e.Amount, e.BalanceAfter, e.TotalAfter)));
        Assert.All(entries, e => Assert.Equal((customer.CustomerId, product), (e.CustomerId, e.ProductId)));
        Assert.All(entries, e => Assert.InRange(e.Time, before, DateTimeOffset.UtcNow));
        Assert.Equal(entries.OrderBy(e => e.Sequence).ThenBy(e => e.Time), entries);

        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = customer.CustomerId, ProductId = product });
        Assert.Equal((balance.MainBalance, balance.AddonBalance, balance.Balance), (Sum(entries, CreditWallet.Main), Sum(entries, CreditWallet.AddOn), entries[^1].TotalAfter));
    }

    [Fact]
    public async Task What_moves_no_credit_leaves_no_entry()
    {
        var product = NewProduct();
        var customer = await RegisterAsync(product); // no trial credit
        using var http = RawHttp();
        var ledgerBefore = Store.Ledger.Entries().Count;

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "spend", customer.CustomerId, product, 1)).StatusCode); // insufficient
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "add-credit", Guid.NewGuid().ToString(), product, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "add-credit", customer.CustomerId, NewGuidProduct(), 5)).StatusCode); // not the key's product
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "spend", customer.CustomerId, product, 0)).StatusCode); // validation

        Assert.Equal(ledgerBefore, Store.Ledger.Entries().Count);
        Assert.Empty(Store.Ledger.For(customer.CustomerId, product));
    }

    [Fact]
    public void Concurrent_movements_keep_the_ledger_and_the_balances_in_step()
    {
        var product = NewProduct();
        var account = Store.Register(product, "Ani", $"ani.{Guid.NewGuid():N}@example.com", "0812", 10)!;
        Parallel.For(0, 400, i =>
        {
            if (i % 2 == 0)
            {
                Store.AddCredit(account.CustomerId, product, 3, i % 4 == 0 ? CreditWallet.Main : CreditWallet.AddOn, LedgerEntryType.AddCredit);
            }
            else
            {
                Store.Spend(account.CustomerId, product, 2);
            }
        });

        var entries = Store.Ledger.For(account.CustomerId, product);
        var final = Store.FindAccount(account.CustomerId, product)!;
        Assert.Equal((final.Main, final.AddOn), (Sum(entries, CreditWallet.Main), Sum(entries, CreditWallet.AddOn)));
        Assert.Equal(entries.Select(e => e.Sequence).OrderBy(s => s), entries.Select(e => e.Sequence));
        foreach (var wallet in new[] { CreditWallet.Main, CreditWallet.AddOn })
        {
            var running = 0m;
            foreach (var entry in entries.Where(e => e.Wallet == wallet))
            {
                running += entry.Amount;
                Assert.Equal(running, entry.BalanceAfter);
                Assert.True(entry.BalanceAfter >= 0);
            }
        }
    }

    private static decimal Sum(System.Collections.Generic.IEnumerable<LedgerEntry> entries, CreditWallet wallet) =>
        entries.Where(e => e.Wallet == wallet).Sum(e => e.Amount);

    private static string NewGuidProduct() => Guid.NewGuid().ToString();

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string action, string customerId, string productId, decimal amount) =>
        http.PostAsync($"credit/v1/credit/customer/{action}", new StringContent($"{{\"customerId\":\"{customerId}\",\"productId\":\"{productId}\",\"amount\":{amount}}}"));
}
