using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
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
    public void The_command_line_refuses_a_bad_fault(string spec) =>
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--fault", spec }));

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

        await FailsAsync(() => client.CreateCustomerAsync(new CreateCustomerRequest { Name = "A", Email = "a@example.com" }));
        var limited = await FailsAsync(() => client.GetCreditBalanceAsync(Sample));

        Assert.Equal(MayarErrorKind.RateLimited, limited.Kind);
        Assert.NotNull(limited.RetryAfter);
        Assert.Collection(
            Log,
            dropped => Assert.Equal((true, true, 0, "drop-after"), (dropped.Processed, dropped.Dropped, dropped.Status, dropped.Fault)),
            refused => Assert.Equal((false, false, 429, "rate limit"), (refused.Processed, refused.Dropped, refused.Status, refused.Fault)));
        Assert.Equal(1, State.Store.Customers.Count);
    }
}
