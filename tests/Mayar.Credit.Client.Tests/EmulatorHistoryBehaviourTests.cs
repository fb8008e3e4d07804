using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The emulator's server clock (an offset from real time) and how its credit history may misbehave (lag, a fixed
/// order, ignored dates, a page cap), over raw loopback HTTP: in-process, through /_emulator/, from the command line.
/// </summary>
public sealed class EmulatorHistoryBehaviourTests : EmulatorTest
{
    private const string SampleCustomer = EmulatorOptions.SampleCustomerId;
    private const string Product = EmulatorOptions.SampleProductId;

    public EmulatorHistoryBehaviourTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_clock_offset_shifts_every_answers_Date_header()
    {
        State.Harness.ClockOffset = TimeSpan.FromSeconds(-300);
        using var http = RawHttp();
        using var anonymous = new HttpClient { BaseAddress = Emulator.BaseUri };

        using var ok = await http.GetAsync($"credit/v1/credit/customer/balance?customerId={SampleCustomer}&productId={Product}");
        using var unauthorized = await anonymous.GetAsync($"credit/v1/credit/customer/balance?customerId={SampleCustomer}&productId={Product}");
        using var notFound = await http.GetAsync("credit/v1/no-such-endpoint");
        Fault(new FaultRule { Status = 503, RetryAfter = "1" });
        using var fault = await http.GetAsync($"credit/v1/credit/customer/balance?customerId={SampleCustomer}&productId={Product}");

        Assert.Equal(
            new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable },
            new[] { ok.StatusCode, unauthorized.StatusCode, notFound.StatusCode, fault.StatusCode });
        foreach (var response in new[] { ok, unauthorized, notFound, fault })
        {
            var date = response.Headers.Date;
            Assert.NotNull(date);
            Assert.InRange((date!.Value - DateTimeOffset.UtcNow).TotalSeconds, -302.5, -297.5);
        }
    }

    [Fact]
    public async Task The_clock_offset_stamps_the_ledger_and_startDate_and_endDate_are_read_in_server_time()
    {
        // The opening entries were stamped at the reset, in real time; the top-up five minutes behind it.
        State.Harness.ClockOffset = TimeSpan.FromSeconds(-300);
        State.Store.AddCredit(SampleCustomer, Product, 42, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        var now = DateTimeOffset.UtcNow;

        var topUp = Assert.Single(await EntriesAsync("type=MERCHANT_TOPUP"));
        var createdAt = DateTimeOffset.Parse((string)topUp!["createdAt"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange((createdAt - now).TotalSeconds, -302, -298);

        Assert.Equal(3, (await EntriesAsync("startDate=" + Iso(now.AddSeconds(-360)))).Count);
        Assert.Equal(new[] { 500m, 29501m }, (await EntriesAsync("startDate=" + Iso(now.AddSeconds(-60)))).Select(e => (decimal)e!["credit"]!));
        Assert.Equal(new[] { 42m }, (await EntriesAsync("endDate=" + Iso(now.AddSeconds(-200)))).Select(e => (decimal)e!["credit"]!));
    }

    [Fact]
    public async Task The_clock_admin_endpoint_round_trips_and_refuses_what_is_not_a_number()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };

        using var put = await http.PutAsync("_emulator/clock", Json("{\"offsetSeconds\": -300.5}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(-300.5), State.Harness.ClockOffset);
        Assert.Equal(State.Clock.Offset, State.Harness.ClockOffset);

        var got = JsonNode.Parse(await http.GetStringAsync("_emulator/clock"))!;
        Assert.Equal(-300.5, (double)got["offsetSeconds"]!);
        var serverNow = DateTimeOffset.Parse((string)got["now"]!, CultureInfo.InvariantCulture);
        Assert.InRange((serverNow - DateTimeOffset.UtcNow).TotalSeconds, -302.5, -298.5);

        foreach (var bad in new[] { "{\"offsetSeconds\": \"soon\"}", "{\"offsetSeconds\": 1e300}", "[1]", "not json" })
        {
            using var refused = await http.PutAsync("_emulator/clock", Json(bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(TimeSpan.FromSeconds(-300.5), State.Harness.ClockOffset);
        using var zero = await http.PutAsync("_emulator/clock", Json("{}"));
        Assert.Equal(TimeSpan.Zero, State.Harness.ClockOffset);
    }

    [Fact]
    public async Task History_lag_hides_entries_younger_than_the_lag_until_they_age()
    {
        State.Harness.History = new EmulatorHistoryBehaviour { LagMs = 800 };
        State.Store.AddCredit(SampleCustomer, Product, 42, CreditWallet.AddOn, LedgerEntryType.AddCredit);

        var early = await PageAsync("limit=100&type=MERCHANT_TOPUP");
        Assert.Equal((0, 0), ((int)early["total"]!, early["data"]!.AsArray().Count));

        await Task.Delay(1000);
        Assert.Single(await EntriesAsync("type=MERCHANT_TOPUP"));
    }

    [Fact]
    public async Task History_lag_is_measured_in_server_time()
    {
        // Stamped two minutes behind, then the clock is put right: the entry is two minutes old, past a one-minute lag.
        State.Harness.ClockOffset = TimeSpan.FromMinutes(-2);
        State.Store.AddCredit(SampleCustomer, Product, 1, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        State.Harness.ClockOffset = TimeSpan.Zero;
        State.Store.AddCredit(SampleCustomer, Product, 2, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        State.Harness.History = new EmulatorHistoryBehaviour { LagMs = 60_000 };

        Assert.Equal(new[] { 1m }, (await EntriesAsync("type=MERCHANT_TOPUP")).Select(e => (decimal)e!["credit"]!));
    }

    [Theory]
    [InlineData("asked", "asc", new[] { 1, 2, 3 })]
    [InlineData("asked", "desc", new[] { 3, 2, 1 })]
    [InlineData("asc", "desc", new[] { 1, 2, 3 })]
    [InlineData("desc", "asc", new[] { 3, 2, 1 })]
    [InlineData("ASC", "desc", new[] { 1, 2, 3 })]
    public async Task History_order_is_forced_whatever_sortOrder_asks(string order, string asked, int[] expected)
    {
        AddThree();
        State.Harness.History = new EmulatorHistoryBehaviour { Order = order };

        var entries = await EntriesAsync("type=MERCHANT_TOPUP&sortOrder=" + asked);

        Assert.Equal(expected.Select(n => (decimal)n), entries.Select(e => (decimal)e!["credit"]!));
    }

    [Fact]
    public async Task History_ignoring_dates_serves_every_entry()
    {
        AddThree();
        var future = "startDate=" + Iso(DateTimeOffset.UtcNow.AddDays(1));
        var past = "endDate=" + Iso(DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Empty(await EntriesAsync(future));
        Assert.Empty(await EntriesAsync(past));

        State.Harness.History = new EmulatorHistoryBehaviour { IgnoreDates = true };

        Assert.Equal(5, (await EntriesAsync(future)).Count);
        Assert.Equal(5, (await EntriesAsync(future + "&" + past)).Count);
    }

    [Theory]
    [InlineData(2, 10, 1, 2, 3, 2)]
    [InlineData(2, 10, 3, 2, 3, 1)]
    [InlineData(2, 1, 1, 1, 5, 1)]
    [InlineData(0, 10, 1, 10, 1, 5)]
    [InlineData(0, 100, 1, 100, 1, 5)]
    public async Task History_page_cap_serves_the_smaller_limit_and_says_so(int maxLimit, int asked, int page, int limit, int totalPages, int count)
    {
        AddThree();
        State.Harness.History = new EmulatorHistoryBehaviour { MaxLimit = maxLimit };

        var reply = await PageAsync($"limit={asked}&page={page}");

        Assert.Equal((5, page, limit, totalPages, count), ((int)reply["total"]!, (int)reply["page"]!, (int)reply["limit"]!, (int)reply["totalPages"]!, reply["data"]!.AsArray().Count));
    }

    [Fact]
    public async Task History_admin_endpoint_round_trips_fills_defaults_and_refuses_bad_settings()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };

        using var put = await http.PutAsync("_emulator/history", Json("{\"lagMs\":3000,\"order\":\"asc\",\"ignoreDates\":true,\"maxLimit\":5}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(new EmulatorHistoryBehaviour { LagMs = 3000, Order = "asc", IgnoreDates = true, MaxLimit = 5 }, State.Harness.History);
        var got = JsonNode.Parse(await http.GetStringAsync("_emulator/history"))!;
        Assert.Equal((3000, "asc", true, 5), ((int)got["lagMs"]!, (string)got["order"]!, (bool)got["ignoreDates"]!, (int)got["maxLimit"]!));

        // Replaced whole: what is left out is back to its default.
        using var partial = await http.PutAsync("_emulator/history", Json("{\"maxLimit\":2}"));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(new EmulatorHistoryBehaviour { MaxLimit = 2 }, State.Harness.History);

        foreach (var bad in new[] { "{\"order\":\"sideways\"}", "{\"lagMs\":-1}", "{\"maxLimit\":-5}", "{\"lag\":3000}", "{\"lagMs\":\"soon\"}", "not json" })
        {
            using var refused = await http.PutAsync("_emulator/history", Json(bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(new EmulatorHistoryBehaviour { MaxLimit = 2 }, State.Harness.History);
        Assert.Throws<ArgumentException>(() => State.Harness.History = new EmulatorHistoryBehaviour { Order = "sideways" });
    }

    [Fact]
    public async Task Reset_clears_the_clock_offset_the_history_behaviour_and_a_process_hang()
    {
        State.Harness.ClockOffset = TimeSpan.FromMinutes(5);
        State.Harness.History = new EmulatorHistoryBehaviour { LagMs = 100, Order = "asc", IgnoreDates = true, MaxLimit = 1 };
        Fault(new FaultRule { Kind = "process-hang", HoldMs = 100 });

        State.Reset();

        Assert.Equal((TimeSpan.Zero, new EmulatorHistoryBehaviour()), (State.Harness.ClockOffset, State.Harness.History));
        Assert.Empty(State.Harness.Faults.Rules());

        State.Harness.ClockOffset = TimeSpan.FromMinutes(5);
        State.Harness.History = new EmulatorHistoryBehaviour { LagMs = 100 };
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        using var reset = await http.PostAsync("_emulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal((TimeSpan.Zero, new EmulatorHistoryBehaviour()), (State.Harness.ClockOffset, State.Harness.History));
    }

    [Fact]
    public void Reset_goes_back_to_the_start_up_clock_and_history_and_stamps_the_start_up_ledger_by_that_clock()
    {
        var options = EmulatorOptions.Parse(new[] { "--clock-offset", "-3600", "--history-lag", "250", "--history-order", "desc" });
        var state = new EmulatorState(options);
        var startUp = new EmulatorHistoryBehaviour { LagMs = 250, Order = "desc" };
        Assert.Equal((TimeSpan.FromHours(-1), startUp), (state.Harness.ClockOffset, state.Harness.History));
        Assert.All(state.Store.Ledger.Entries(), e => Assert.InRange((e.Time - DateTimeOffset.UtcNow).TotalMinutes, -61, -59));

        state.Harness.ClockOffset = TimeSpan.Zero;
        state.Harness.History = new EmulatorHistoryBehaviour();
        state.Reset();

        Assert.Equal((TimeSpan.FromHours(-1), startUp), (state.Harness.ClockOffset, state.Harness.History));
        Assert.NotEmpty(state.Store.Ledger.Entries());
        Assert.All(state.Store.Ledger.Entries(), e => Assert.InRange((e.Time - DateTimeOffset.UtcNow).TotalMinutes, -61, -59));
    }

    [Fact]
    public void The_command_line_takes_the_clock_offset_and_the_history_settings()
    {
        var options = EmulatorOptions.Parse(new[]
        {
            "--clock-offset", "-300.5", "--history-lag", "3000", "--history-order", "ASC", "--history-ignore-dates", "--history-max-limit", "5",
        });

        Assert.Equal(TimeSpan.FromSeconds(-300.5), options.ClockOffset);
        Assert.Equal(new EmulatorHistoryBehaviour { LagMs = 3000, Order = "asc", IgnoreDates = true, MaxLimit = 5 }, options.History);
        Assert.Equal((TimeSpan.Zero, new EmulatorHistoryBehaviour()), (EmulatorOptions.Parse(Array.Empty<string>()).ClockOffset, EmulatorOptions.Parse(Array.Empty<string>()).History));
        foreach (var option in new[] { "--clock-offset SEC", "--history-lag MS", "--history-order asked|asc|desc", "--history-ignore-dates", "--history-max-limit N" })
        {
            Assert.Contains(option, EmulatorOptions.Usage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--clock-offset", "soon")]
    [InlineData("--clock-offset", "NaN")]
    [InlineData("--clock-offset", "1e300")]
    [InlineData("--clock-offset", null)]
    [InlineData("--history-lag", "-1")]
    [InlineData("--history-lag", "1.5")]
    [InlineData("--history-order", "sideways")]
    [InlineData("--history-max-limit", "five")]
    public void The_command_line_refuses_a_bad_clock_offset_or_history_setting(string option, string? value) =>
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(value is null ? new[] { option } : new[] { option, value }));

    // Three top-ups of 1, 2 and 3 after the sample customer's two opening entries.
    private void AddThree()
    {
        for (var amount = 1; amount <= 3; amount++)
        {
            State.Store.AddCredit(SampleCustomer, Product, amount, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        }
    }

    private async Task<JsonNode> PageAsync(string query)
    {
        using var http = RawHttp();
        using var response = await http.GetAsync($"credit/v1/credit/customer/paginate-credit-history/{SampleCustomer}?productId={Product}&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    // One page of up to 100 entries (every entry of the sample customer here).
    private async Task<JsonArray> EntriesAsync(string query) => (await PageAsync("limit=100&" + query))["data"]!.AsArray();

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
