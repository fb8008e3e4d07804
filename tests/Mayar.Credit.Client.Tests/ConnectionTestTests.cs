using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// MayarClient.TestConnectionAsync (Test-MayarConnection, Connect-Mayar -Validate): one read, sent once and briefly,
/// whose every outcome is a result, never an exception.
/// </summary>
public sealed class ConnectionTestTests : EmulatorTest
{
    private const string NoAccessBody = "{\"statusCode\":400,\"messages\":\"API key does not have access\"}";

    public ConnectionTestTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>A client as Connect-Mayar makes one: 4 retries with the real backoff (1 s doubling), the documented pace.</summary>
    private MayarClient DefaultClient(string? apiKey = null, Uri? baseUri = null, TimeSpan? timeout = null) => new(new MayarClientOptions
    {
        ApiKey = MayarApiKey.FromString(apiKey ?? EmulatorFixture.ApiKey),
        BaseUri = baseUri ?? Emulator.BaseUri,
        Timeout = timeout ?? MayarClientOptions.DefaultTimeout,
    });

    private static async Task<MayarConnectionTest> WithinAsync(TimeSpan limit, Func<Task<MayarConnectionTest>> run)
    {
        var clock = Stopwatch.StartNew();
        var test = await run();
        Assert.True(clock.Elapsed < limit, $"took {clock.Elapsed}");
        return test;
    }

    private static void AssertNoAnswer(MayarConnectionTest test, MayarConnectionStatus status, string errorId)
    {
        Assert.Equal(status.ToString(), test.Status);
        Assert.False(test.Reachable);
        Assert.Null(test.KeyAccepted);
        Assert.Equal(errorId, test.ErrorId);
    }

    [Fact]
    public async Task A_good_key_is_reachable_and_accepted_with_one_read_of_one_customer()
    {
        var trace = new RecordingTrace();
        var client = DefaultClient();

        var test = await client.TestConnectionAsync(trace: trace);

        Assert.Equal(MayarConnectionStatus.Ok.ToString(), test.Status);
        Assert.True(test.Reachable);
        Assert.True(test.KeyAccepted);
        Assert.Equal(200, test.StatusCode);
        Assert.Null(test.ErrorId);
        Assert.Null(test.GetError());
        Assert.Equal(nameof(MayarEnvironment.Custom), test.Environment);
        Assert.Equal(Emulator.BaseUri, test.BaseUri);
        Assert.Equal(client.ApiKeyHint, test.ApiKeyHint);
        Assert.InRange(test.RoundTripMs!.Value, 0, 10_000);
        Assert.Contains("accepted the key", test.Message);
        Assert.InRange(test.ServerTimeOffset!.Value.TotalSeconds, -3, 3);
        Assert.NotNull(test.ServerTimeUncertainty);
        var sent = OnlyRequest();
        Assert.Equal("GET", sent.Method);
        Assert.Equal(MayarRoutes.Customers, sent.Path);
        Assert.Equal("?limit=1", sent.Query);
        Assert.Equal("GET /hl/v2/customers -> 200", Assert.Single(trace.Records).ToString().Split(" (")[0]);
    }

    [Fact]
    public async Task A_refused_key_is_reachable_and_not_accepted_and_is_not_thrown()
    {
        var test = await DefaultClient("wrong-key-0000000000").TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.KeyRefused.ToString(), test.Status);
        Assert.True(test.Reachable);
        Assert.False(test.KeyAccepted);
        Assert.Equal(401, test.StatusCode);
        Assert.Equal("Mayar.Unauthorized", test.ErrorId);
        Assert.Equal(MayarErrorKind.Unauthorized, test.GetError()!.Kind);
        Assert.Contains("refused the API key", test.Message);
        Assert.DoesNotContain("wrong-key-0000000000", test.Message);
        Assert.NotNull(test.ServerTimeOffset);
        Assert.Single(Log);
    }

    [Fact]
    public async Task The_credit_services_400_for_a_key_without_access_is_a_refused_key()
    {
        Fault(new FaultRule { Status = 400, Body = NoAccessBody });

        var test = await DefaultClient().TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.KeyRefused.ToString(), test.Status);
        Assert.True(test.Reachable);
        Assert.False(test.KeyAccepted);
        Assert.Equal(400, test.StatusCode);
        Assert.Equal("Mayar.Unauthorized", test.ErrorId);
        Assert.Contains("API key does not have access", test.Message);
    }

    [Fact]
    public async Task An_unreachable_api_answers_at_once_despite_four_retries_on_the_connection()
    {
        var client = DefaultClient(baseUri: UnreachableBaseUri());
        Assert.Equal(4, client.RetryPolicy.MaxRetries);
        var trace = new RecordingTrace();

        // Four retries would back off for up to 1 + 2 + 4 + 8 s; the test sends once.
        var test = await WithinAsync(TimeSpan.FromSeconds(3), () => client.TestConnectionAsync(trace: trace));

        Assert.Single(trace.Records);
        Assert.Empty(trace.Waits);
        AssertNoAnswer(test, MayarConnectionStatus.Unreachable, "Mayar.Transport");
        Assert.Null(test.StatusCode);
        Assert.Null(test.ServerTimeOffset);
        Assert.Contains("Could not reach the Mayar API", test.Message);
        Assert.DoesNotContain(EmulatorFixture.ApiKey, test.Message);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_times_out_once_within_the_tests_own_timeout()
    {
        Fault(new FaultRule { Kind = "hang", Count = 0 });
        var client = DefaultClient();

        var test = await WithinAsync(TimeSpan.FromSeconds(5), () => client.TestConnectionAsync(TimeSpan.FromSeconds(1)));

        AssertNoAnswer(test, MayarConnectionStatus.TimedOut, "Mayar.Timeout");
        Assert.Contains("within 1 s", test.Message);
        Assert.Single(Log);
    }

    [Fact]
    public async Task Without_a_timeout_the_test_waits_ten_seconds_or_the_connections_timeout_when_shorter()
    {
        Fault(new FaultRule { Kind = "hang", Count = 0 });

        var test = await DefaultClient(timeout: TimeSpan.FromSeconds(1)).TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.TimedOut.ToString(), test.Status);
        Assert.Contains("within 1 s", test.Message);
        Assert.Equal(TimeSpan.FromSeconds(10), MayarClient.DefaultConnectionTestTimeout);
    }

    [Theory]
    [InlineData(503, MayarConnectionStatus.ServerError, "Mayar.ServerError")]
    [InlineData(429, MayarConnectionStatus.RateLimited, "Mayar.RateLimited")]
    [InlineData(404, MayarConnectionStatus.BadResponse, "Mayar.NotFound")]
    public async Task An_answer_that_says_nothing_of_the_key_is_reachable_with_the_key_unknown_and_is_not_retried(int status, MayarConnectionStatus expected, string errorId)
    {
        Fault(new FaultRule { Status = status, Count = 0 });

        var test = await DefaultClient().TestConnectionAsync();

        Assert.Equal(expected.ToString(), test.Status);
        Assert.True(test.Reachable);
        Assert.Null(test.KeyAccepted);
        Assert.Equal(status, test.StatusCode);
        Assert.Equal(errorId, test.ErrorId);
        Assert.Single(Log);
    }

    [Fact]
    public async Task A_403_accepts_the_key_and_says_other_commands_may_work()
    {
        Fault(new FaultRule { Status = 403 });

        var test = await DefaultClient().TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.Forbidden.ToString(), test.Status);
        Assert.True(test.KeyAccepted);
        Assert.Equal("Mayar.Forbidden", test.ErrorId);
        Assert.Contains("other commands may still work", test.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_documented_json_is_a_bad_response()
    {
        Fault(new FaultRule { Kind = "malformed-json" });

        var test = await DefaultClient().TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.BadResponse.ToString(), test.Status);
        Assert.True(test.Reachable);
        Assert.Null(test.KeyAccepted);
        Assert.Equal("Mayar.InvalidResponse", test.ErrorId);
    }

    [Fact]
    public async Task The_server_time_offset_comes_from_the_answers_Date_header()
    {
        State.Harness.ClockOffset = TimeSpan.FromSeconds(-300);

        var test = await DefaultClient().TestConnectionAsync();

        Assert.Equal(MayarConnectionStatus.Ok.ToString(), test.Status);
        Assert.InRange(test.ServerTimeOffset!.Value.TotalSeconds, -302.5, -297.5);
        Assert.InRange(test.ServerTimeUncertainty!.Value.TotalSeconds, 0, 2.5);

        // To a tenth of a second: the header has one-second resolution.
        Assert.Equal(0, test.ServerTimeOffset.Value.Ticks % TimeSpan.FromMilliseconds(100).Ticks);
    }

    [Fact]
    public async Task The_test_takes_its_turn_in_the_pace_and_sends_nothing_when_the_pace_holds_it_past_the_timeout()
    {
        // One request a minute: the first test takes the turn, the second would wait about a minute.
        var client = new MayarClient(new MayarClientOptions { ApiKey = MayarApiKey.FromString(EmulatorFixture.ApiKey), BaseUri = Emulator.BaseUri, RequestsPerMinute = 1 });
        Assert.Equal(MayarConnectionStatus.Ok.ToString(), (await client.TestConnectionAsync()).Status);

        var test = await WithinAsync(TimeSpan.FromSeconds(5), () => client.TestConnectionAsync(TimeSpan.FromSeconds(1)));

        AssertNoAnswer(test, MayarConnectionStatus.NotSent, "Mayar.Timeout");
        Assert.Null(test.RoundTripMs);
        Assert.True(test.GetError()!.RequestNotSent);
        Assert.Contains("1 requests per minute", test.Message);
        Assert.Single(Log);
    }

    [Fact]
    public async Task Cancelling_the_test_throws()
    {
        Fault(new FaultRule { Kind = "hang", Count = 0 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DefaultClient().TestConnectionAsync(cancellationToken: cancel.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public async Task A_timeout_outside_one_second_to_ten_minutes_is_refused_before_sending(int seconds)
    {
        var error = await Assert.ThrowsAsync<MayarArgumentException>(() => DefaultClient().TestConnectionAsync(TimeSpan.FromSeconds(seconds)));

        Assert.Equal("TimeoutSec", error.ParamName);
        Assert.Empty(Log);
    }

    [Fact]
    public async Task No_outcome_shows_the_key()
    {
        var outcomes = new[]
        {
            await DefaultClient().TestConnectionAsync(),
            await DefaultClient(baseUri: UnreachableBaseUri()).TestConnectionAsync(),
        }.ToList();
        Fault(new FaultRule { Status = 401, Body = "{\"statusCode\":401,\"messages\":\"bad key " + EmulatorFixture.ApiKey + "\"}" });
        outcomes.Add(await DefaultClient().TestConnectionAsync());

        Assert.Equal(MayarConnectionStatus.KeyRefused.ToString(), outcomes[2].Status);
        Assert.All(outcomes, test =>
        {
            Assert.DoesNotContain(EmulatorFixture.ApiKey, test.Message);
            Assert.DoesNotContain(EmulatorFixture.ApiKey, test.ToString());
            Assert.DoesNotContain(EmulatorFixture.ApiKey, test.GetError()?.Message ?? string.Empty);
        });
    }
}
