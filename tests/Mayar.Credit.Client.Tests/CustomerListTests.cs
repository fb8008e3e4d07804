using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The V2 customers (docs/api/mayar-api.md K1, K2): one by email, the cursor page walk, the reply variants and the input rules.</summary>
public sealed class CustomerListTests : EmulatorTest
{
    private const string MerchantUserId = "3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c";

    public CustomerListTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Reads_the_sample_customer_by_email_in_any_case()
    {
        var customer = await Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = "JohnDoe.Sample@Example.com" }));

        Assert.Equal(EmulatorOptions.SampleCustomerId, customer.CustomerId);
        Assert.Equal(SampleEmail, customer.Email);
        Assert.Equal("john doe", customer.Name);
        Assert.Equal("08777777777", customer.Mobile);
        Assert.Equal("active", customer.Status);
        Assert.Equal(MerchantUserId, customer.UserId);
        Assert.True(customer.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Equal(customer.CreatedAt, customer.UpdatedAt);
        var sent = OnlyRequest();
        Assert.Equal(MayarRoutes.CustomerDetail, sent.Path);
        Assert.Equal("?email=JohnDoe.Sample%40Example.com", sent.Query);
    }

    [Fact]
    public async Task The_merchants_webhook_url_and_account_in_the_detail_reply_are_not_kept()
    {
        using var http = RawHttp();
        var raw = await http.GetStringAsync(MayarRoutes.CustomerDetail.TrimStart('/') + "?email=" + Uri.EscapeDataString(SampleEmail));
        Assert.Contains("urlHook", raw, StringComparison.Ordinal);
        Assert.Contains("\"account\"", raw, StringComparison.Ordinal);

        var customer = await Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = SampleEmail }));

        var values = typeof(MayarCustomerSummary).GetProperties().Select(p => Convert.ToString(p.GetValue(customer), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
        Assert.DoesNotContain(values, v => v.Contains("example.invalid", StringComparison.OrdinalIgnoreCase) || v.Contains("Emulator Merchant", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(MayarCustomerSummary).GetProperties(), p => p.Name is "User" or "UrlHook" or "Account" or "AccountId");
        Assert.DoesNotContain("example.invalid", customer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_is_not_found()
    {
        var error = await FailsAsync(() => Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = "nobody@example.com" })));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
        Assert.Contains("Customer not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_answers_a_detail_without_email_with_400()
    {
        using var http = RawHttp();
        var reply = await http.GetAsync(MayarRoutes.CustomerDetail.TrimStart('/'));
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains("Email query parameter is required", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walks_the_cursor_pages_newest_first_one_request_each_and_stops_at_the_last()
    {
        var registered = await RegisterCustomersAsync(5);

        var first = await Client().SendAsync(new GetCustomersPageOperation(pageSize: 2));
        Assert.Single(Log);
        Assert.Equal(new[] { registered[4], registered[3] }, first.Items.Select(c => c.CustomerId));
        Assert.Null(first.TotalCount);
        var second = Assert.IsType<GetCustomersPageOperation>(first.Next);
        Assert.Matches("^[0-9]{13}$", second.StartingAfter);

        State.Harness.Log.Clear();
        var all = await ReadAllAsync(pageSize: 2);

        // Five registered and the sample: three pages of two, the last one saying there is no more.
        Assert.Equal(registered.AsEnumerable().Reverse().Append(EmulatorOptions.SampleCustomerId), all.Select(c => c.CustomerId));
        Assert.Equal(3, Log.Count);
        Assert.All(Log, e => Assert.Equal(MayarRoutes.Customers, e.Path));
        Assert.Equal("?limit=2", Log[0].Query);
        Assert.Equal("?limit=2&startingAfter=" + second.StartingAfter, Log[1].Query);
        Assert.StartsWith("?limit=2&startingAfter=", Log[2].Query, StringComparison.Ordinal);
        Assert.All(all, c => Assert.Equal("active", c.Status));
    }

    [Fact]
    public async Task A_page_that_ends_the_list_exactly_has_no_next()
    {
        await RegisterCustomersAsync(3);
        var page = await Client().SendAsync(new GetCustomersPageOperation(pageSize: 4));
        Assert.Equal(4, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData("seed", false)]
    [InlineData("message", false)]
    [InlineData("messages", true)]
    [InlineData("message", true)]
    public async Task Reads_each_documented_shape(string messageKey, bool numbersAsStrings)
    {
        Variants(v =>
        {
            v.MessageKey = messageKey;
            v.NumbersAsStrings = numbersAsStrings;
        });
        await RegisterCustomersAsync(2);

        var all = await ReadAllAsync(pageSize: 1);
        var one = await Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = SampleEmail }));

        Assert.Equal(3, all.Count);
        Assert.All(all, c => Assert.True(c.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(EmulatorOptions.SampleCustomerId, one.CustomerId);
        Assert.Equal(all[2].CreatedAt, one.CreatedAt);
    }

    [Fact]
    public async Task Reads_a_detail_whose_fields_are_at_the_root()
    {
        Variants(v => v.Wrapper = "root");
        using var http = RawHttp();
        var raw = await http.GetStringAsync(MayarRoutes.CustomerDetail.TrimStart('/') + "?email=" + Uri.EscapeDataString(SampleEmail));
        Assert.DoesNotContain("\"data\"", raw, StringComparison.Ordinal);

        var customer = await Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = SampleEmail }));

        Assert.Equal(EmulatorOptions.SampleCustomerId, customer.CustomerId);
        Assert.Equal(MerchantUserId, customer.UserId);
    }

    [Fact]
    public async Task Errors_answered_with_http_200_are_still_not_found()
    {
        Variants(v => v.ErrorsAsHttp200 = true);
        var error = await FailsAsync(() => Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = "nobody@example.com" })));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a b@example.com")]
    public void Refuses_an_email_that_is_not_one(string? email)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new GetCustomerRequest { Email = email }.Validate());
        Assert.Equal("Email", error.ParamName);
        Assert.Empty(Log);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Refuses_a_page_size_out_of_range(int pageSize) =>
        Assert.Equal("PageSize", Assert.Throws<MayarArgumentException>(() => new GetCustomersPageOperation(pageSize)).ParamName);

    [Theory]
    [InlineData("limit=51")]
    [InlineData("limit=0")]
    [InlineData("startingAfter=yesterday")]
    public async Task The_emulator_refuses_a_limit_over_50_and_a_cursor_it_did_not_give(string query)
    {
        using var http = RawHttp();
        var reply = await http.GetAsync(MayarRoutes.Customers.TrimStart('/') + "?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains("Validation Error", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_serves_50_in_one_page()
    {
        await RegisterCustomersAsync(50);
        var page = await Client().SendAsync(new GetCustomersPageOperation(pageSize: 50));
        Assert.Equal(50, page.Items.Count);
        var last = await Client().SendAsync(page.Next!);
        Assert.Equal(EmulatorOptions.SampleCustomerId, Assert.Single(last.Items).CustomerId);
        Assert.Null(last.Next);
    }

    // Registers count customers (into a fresh product, each with its own email), oldest first; clears the log.
    private async Task<List<string>> RegisterCustomersAsync(int count)
    {
        var product = NewProduct();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await RegisterAsync(product)).CustomerId);
        }

        State.Harness.Log.Clear();
        return ids;
    }

    private async Task<List<MayarCustomerSummary>> ReadAllAsync(int pageSize)
    {
        var customers = new List<MayarCustomerSummary>();
        MayarOperation<MayarPage<MayarCustomerSummary>>? next = new GetCustomersPageOperation(pageSize);
        while (next is not null)
        {
            var page = await Client().SendAsync(next);
            customers.AddRange(page.Items);
            next = page.Next;
        }

        return customers;
    }
}
