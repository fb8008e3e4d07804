using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Domain;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The credit history: entries from the emulator's ledger, their shapes, the page walk, the filters and the input rules.</summary>
public sealed class CreditHistoryTests : EmulatorTest
{
    public CreditHistoryTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Reads_the_sample_customers_opening_entries_newest_first()
    {
        var page = await Client().SendAsync(new GetCreditHistoryPageOperation(History()));

        Assert.Equal(2, page.TotalCount);
        Assert.Null(page.Next);
        Assert.Collection(
            page.Items,
            e => Assert.Equal((500m, "ADD_ON", "TOPUP"), (e.Amount, e.WalletType, e.Type)),
            e => Assert.Equal((29501m, "MAIN", "TOPUP"), (e.Amount, e.WalletType, e.Type)));
        Assert.All(page.Items, e =>
        {
            Assert.Equal(EmulatorOptions.SampleCustomerId, e.CustomerId);
            Assert.Equal(EmulatorOptions.SampleProductId, e.ProductId);
            Assert.Equal("ACTIVE", e.Status);
            Assert.Equal(24, e.Id!.Length);
            Assert.True(e.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-10));
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Registration_top_up_and_spend_come_back_in_order_with_one_signed_amount(bool signedAmounts, bool numbersAsStrings)
    {
        Variants(v =>
        {
            v.SignedHistoryAmounts = signedAmounts;
            v.NumbersAsStrings = numbersAsStrings;
        });
        var product = NewProduct();
        var customer = await RegisterAsync(product, trialCredit: 300);
        State.Store.AddCredit(customer.CustomerId, product, 200, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        Assert.Equal(SpendStatus.Spent, State.Store.Spend(customer.CustomerId, product, 120).Status);

        var entries = await ReadAllAsync(History(customer.CustomerId, product, ascending: true));

        Assert.Equal(
            new[] { (300m, "TRIAL_TOPUP"), (200m, "MERCHANT_TOPUP"), (-120m, "CREDIT_USAGE") },
            entries.Select(e => (e.Amount, e.Type!)));
        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = customer.CustomerId, ProductId = product });
        Assert.Equal(balance.Balance, entries.Sum(e => e.Amount));
    }

    [Fact]
    public async Task Walks_the_pages_one_request_each_and_stops_at_the_last()
    {
        var (customerId, product) = await CustomerWithEntriesAsync(5);

        var first = await Client().SendAsync(new GetCreditHistoryPageOperation(History(customerId, product), pageSize: 2));
        Assert.Single(Log);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(5, first.TotalCount);

        var all = await ReadAllAsync(History(customerId, product), pageSize: 2);
        Assert.Equal(5, all.Count);
        Assert.Equal(1 + 3, Log.Count);
        Assert.Equal(new[] { "?page=1", "?page=2", "?page=3" }, Log.Skip(1).Select(e => "?" + e.Query.Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal))));
        Assert.Equal(all.Select(e => e.Id).Distinct().Count(), all.Count);
    }

    [Fact]
    public async Task Sends_the_filters_and_the_order_in_the_query()
    {
        var since = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(7));
        var query = History();
        query.Type = "credit_usage";
        query.WalletType = "ADD_ON";
        query.Since = since;
        query.Until = since.AddDays(1);
        query.Ascending = true;

        await Client().SendAsync(new GetCreditHistoryPageOperation(query, pageSize: 7));

        var sent = OnlyRequest();
        Assert.Equal(MayarRoutes.CreditHistory.Replace("{customerId}", EmulatorOptions.SampleCustomerId), sent.Path);
        Assert.Equal(
            $"?productId={EmulatorOptions.SampleProductId}&type=CREDIT_USAGE&walletType=ADD_ON&startDate=2026-01-01T20%3A04%3A05.000Z&endDate=2026-01-02T20%3A04%3A05.000Z&sortOrder=asc&page=1&limit=7",
            sent.Query);
    }

    [Fact]
    public async Task The_emulator_applies_the_filters()
    {
        var (customerId, product) = await CustomerWithEntriesAsync(3);
        var query = History(customerId, product);
        query.Type = "MERCHANT_TOPUP";

        var entries = await ReadAllAsync(query);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("MERCHANT_TOPUP", e.Type));
    }

    [Theory]
    [InlineData("CustomerId", "not-a-uuid", null, null, null)]
    [InlineData("ProductId", null, "42", null, null)]
    [InlineData("Type", null, null, "REFUND", null)]
    [InlineData("WalletType", null, null, null, "SAVINGS")]
    public void Refuses_bad_input_naming_the_parameter(string parameter, string? customerId, string? productId, string? type, string? wallet)
    {
        var query = History();
        query.CustomerId = customerId ?? query.CustomerId;
        query.ProductId = productId ?? query.ProductId;
        query.Type = type;
        query.WalletType = wallet;

        var error = Assert.Throws<MayarArgumentException>(() => new GetCreditHistoryPageOperation(query));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(Log);
    }

    [Fact]
    public void Refuses_a_range_that_ends_before_it_starts_and_a_page_size_out_of_range()
    {
        var query = History();
        query.Since = DateTimeOffset.UtcNow;
        query.Until = query.Since.Value.AddSeconds(-1);
        Assert.Equal("Since", Assert.Throws<MayarArgumentException>(() => query.Validate()).ParamName);
        Assert.Equal("PageSize", Assert.Throws<MayarArgumentException>(() => new GetCreditHistoryPageOperation(History(), pageSize: 51)).ParamName);
        Assert.Equal("PageSize", Assert.Throws<MayarArgumentException>(() => new GetCreditHistoryPageOperation(History(), pageSize: 0)).ParamName);
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var query = History(Guid.NewGuid().ToString(), EmulatorOptions.SampleProductId);
        var error = await FailsAsync(() => Client().SendAsync(new GetCreditHistoryPageOperation(query)));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
    }

    private static GetCreditHistoryRequest History(string? customerId = null, string? productId = null, bool ascending = false) => new()
    {
        CustomerId = customerId ?? EmulatorOptions.SampleCustomerId,
        ProductId = productId ?? EmulatorOptions.SampleProductId,
        Ascending = ascending,
    };

    private async Task<(string CustomerId, string ProductId)> CustomerWithEntriesAsync(int topUps)
    {
        var product = NewProduct();
        var customer = await RegisterAsync(product);
        for (var i = 1; i <= topUps; i++)
        {
            State.Store.AddCredit(customer.CustomerId, product, i, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        }

        State.Harness.Log.Clear();
        return (customer.CustomerId, product);
    }

    private async Task<List<CreditHistoryEntry>> ReadAllAsync(GetCreditHistoryRequest query, int pageSize = GetCreditHistoryPageOperation.DefaultPageSize)
    {
        var entries = new List<CreditHistoryEntry>();
        MayarOperation<MayarPage<CreditHistoryEntry>>? next = new GetCreditHistoryPageOperation(query, pageSize);
        while (next is not null)
        {
            var page = await Client().SendAsync(next);
            entries.AddRange(page.Items);
            next = page.Next;
        }

        return entries;
    }
}
