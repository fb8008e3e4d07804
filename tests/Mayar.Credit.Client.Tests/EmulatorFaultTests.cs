using System;
using System.Diagnostics;
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

/// <summary>The emulator's fault and rate-limit settings: the command-line forms, the admin endpoint's checks, the log.</summary>
public sealed class EmulatorFaultTests : EmulatorTest
{
    public EmulatorFaultTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void The_command_line_takes_faults_latency_and_a_rate_limit()
    {
        var options = EmulatorOptions.Parse(new[]
        {
            "--rate-limit", "20", "--rate-limit-window", "30", "--latency", "50-200",
            "--fault", "kind=status,status=503,count=2,retry-after=1,path=/credit/v1/credit/customer/balance",
            "--fault", "kind=drop-after,method=POST,delay=10",
        });

        Assert.Equal(20, options.RateLimitPerWindow);
        Assert.Equal(30, options.RateLimitWindowSeconds);
        Assert.Equal((50, 200), (options.LatencyMinMs, options.LatencyMaxMs));
        Assert.Equal(2, options.Faults.Count);
        var first = FaultRule.Parse(options.Faults[0]);
        Assert.Equal((503, 2, "1", "/credit/v1/credit/customer/balance"), (first.Status!.Value, first.Count, first.RetryAfter!, first.Path!));
        var second = FaultRule.Parse(options.Faults[1]);
        Assert.Equal(("drop-after", "POST", 10), (second.EffectiveKind, second.Method!, second.DelayMs));
    }

    [Theory]
    [InlineData("kind=explode")]
    [InlineData("kind=status")]
    [InlineData("status=99")]
    [InlineData("colour=red")]
    [InlineData("status")]
    [InlineData("delay=200-100")]
    [InlineData("kind=process-hang,hold=-1")]
    [InlineData("kind=status,status=503,hold=100")]
    [InlineData("kind=drop-after,hold=100")]
    public void The_command_line_refuses_a_bad_fault(string spec) =>
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--fault", spec }));

    [Fact]
    public void The_command_line_takes_a_process_hang_with_its_hold()
    {
        var options = EmulatorOptions.Parse(new[] { "--fault", "kind=process-hang,hold=2000,method=POST,path=/credit/v1/credit/customer/add-credit,delay=10", "--fault", "kind=process-hang" });

        var held = FaultRule.Parse(options.Faults[0]);
        Assert.Equal(("process-hang", 2000, 10, "POST", MayarRoutes.AddCredit), (held.EffectiveKind, held.HoldMs, held.DelayMs, held.Method!, held.Path!));
        Assert.Equal("process-hang, delay 10 ms, hold 2000 ms", held.Describe());
        Assert.Equal(0, FaultRule.Parse(options.Faults[1]).HoldMs);
        Assert.Contains("process-hang", FaultRule.Kinds);
        Assert.Contains("process-hang", EmulatorOptions.Usage, StringComparison.Ordinal);
        Assert.Contains("hold=MS", EmulatorOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_endpoint_takes_a_process_hang_with_its_hold()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        var response = await http.PostAsync("_emulator/faults", new StringContent("{\"kind\":\"process-hang\",\"holdMs\":2000,\"path\":\"" + MayarRoutes.AddCredit + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rule = Assert.Single(State.Harness.Faults.Rules());
        Assert.Equal(("process-hang", 2000), (rule.EffectiveKind, rule.HoldMs));

        var listed = JsonNode.Parse(await http.GetStringAsync("_emulator/faults"))!.AsArray().Single()!;
        Assert.Equal(2000, (int)listed["holdMs"]!);

        var refused = await http.PostAsync("_emulator/faults", new StringContent("{\"status\":503,\"holdMs\":5}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("process-hang", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Process_hang_without_a_hold_moves_credit_and_never_answers()
    {
        Fault(new FaultRule { Kind = "process-hang", Method = "POST", Path = MayarRoutes.AddCredit });
        using var http = RawHttp();
        http.Timeout = TimeSpan.FromSeconds(1.5);

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PostAsync(MayarRoutes.AddCredit.TrimStart('/'), AddCreditBody(7)));

        Assert.InRange(watch.Elapsed.TotalSeconds, 1.4, 5);
        Assert.Single(State.Store.Ledger.For(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId), e => e.Type == LedgerEntryType.AddCredit && e.Amount == 7);
        var entry = await WhenAsync(() => Log.SingleOrDefault(e => e.Dropped));
        Assert.Equal((true, true, true, 0, "process-hang"), (entry.Authorized, entry.Processed, entry.Dropped, entry.Status, entry.Fault));

        // The rule was for one request: the next is answered at once.
        var next = await http.PostAsync(MayarRoutes.AddCredit.TrimStart('/'), AddCreditBody(8));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Process_hang_with_a_hold_moves_credit_and_answers_after_the_delay_and_the_hold()
    {
        using var http = RawHttp();
        var balancePath = MayarRoutes.CreditBalance.TrimStart('/') + $"?customerId={EmulatorOptions.SampleCustomerId}&productId={EmulatorOptions.SampleProductId}";

        // A first request pays for the connection and the JIT, so the timing below is of the hold only.
        using (await http.GetAsync(balancePath))
        {
        }

        Fault(new FaultRule { Kind = "process-hang", Path = MayarRoutes.AddCredit, DelayMs = 200, HoldMs = 500 });

        // Another path is not held: a held request takes at least the delay and the hold (700 ms).
        var other = Stopwatch.StartNew();
        using (var balance = await http.GetAsync(balancePath))
        {
            Assert.Equal(HttpStatusCode.OK, balance.StatusCode);
        }

        Assert.True(other.ElapsedMilliseconds < 650, $"{other.ElapsedMilliseconds} ms");

        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(MayarRoutes.AddCredit.TrimStart('/'), AddCreditBody(9));
        var elapsed = watch.ElapsedMilliseconds;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(elapsed, 650, 5000);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(30010m, (decimal)body["data"]!["customerBalance"]!);
        Assert.Single(State.Store.Ledger.For(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId), e => e.Type == LedgerEntryType.AddCredit);
        var held = Log.Single(e => e.Path == MayarRoutes.AddCredit);
        Assert.Equal((true, false, 200, "process-hang, delay 200 ms, hold 500 ms"), (held.Processed, held.Dropped, held.Status, held.Fault));
    }

    [Fact]
    public async Task The_admin_endpoint_refuses_a_bad_fault()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        var response = await http.PostAsync("_emulator/faults", new StringContent("{\"kind\":\"explode\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind must be one of", await response.Content.ReadAsStringAsync());
        Assert.Empty(State.Harness.Faults.Rules());
    }

    [Fact]
    public void The_rate_limit_admits_a_window_full_then_names_the_wait()
    {
        var limit = new EmulatorRateLimit();
        limit.Set(3, 60);
        Assert.True(limit.TryAdmit(out _));
        Assert.True(limit.TryAdmit(out _));
        Assert.True(limit.TryAdmit(out _));
        Assert.False(limit.TryAdmit(out var retryAfter));
        Assert.InRange(retryAfter, 59, 60);
        Assert.Equal(1, limit.Refused);
    }

    [Fact]
    public async Task The_log_records_rate_limited_dropped_and_processed_requests()
    {
        State.Harness.RateLimit.Set(1, 60);
        Fault(new FaultRule { Kind = "drop-after" });
        var client = Client();

        await FailsAsync(() => client.CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com" }));
        var limited = await FailsAsync(() => client.GetCreditBalanceAsync(Sample));

        Assert.Equal(MayarErrorKind.RateLimited, limited.Kind);
        Assert.NotNull(limited.RetryAfter);
        Assert.Collection(
            Log,
            dropped => Assert.Equal((true, true, 0, "drop-after"), (dropped.Processed, dropped.Dropped, dropped.Status, dropped.Fault)),
            refused => Assert.Equal((false, false, 429, "rate limit"), (refused.Processed, refused.Dropped, refused.Status, refused.Fault)));
        Assert.Equal(1, State.Store.V1CustomerRecords.Count);
    }

    private static StringContent AddCreditBody(decimal amount) => new(
        $"{{\"customerId\":\"{EmulatorOptions.SampleCustomerId}\",\"productId\":\"{EmulatorOptions.SampleProductId}\",\"amount\":{amount}}}",
        Encoding.UTF8,
        "application/json");

    // What the server does after the client gave up happens a moment later: wait for it (at most 5 s).
    private static async Task<T> WhenAsync<T>(Func<T?> probe)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "timed out waiting");
            await Task.Delay(20);
        }
    }
}
