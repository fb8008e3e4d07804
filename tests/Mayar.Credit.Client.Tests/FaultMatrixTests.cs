using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Every emulator fault × the three operations, with the default retry budget (4 retries, backoff scaled to
/// milliseconds): reads recover, writes are never duplicated, and what is not recovered is a
/// <see cref="MayarApiException"/> of the right kind and ErrorId.
/// </summary>
public sealed class FaultMatrixTests : EmulatorTest
{
    private const int Retries = MayarRetryPolicy.DefaultMaxRetries;

    public FaultMatrixTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>
    /// fault → what a read ends with (after how many attempts); what a write that answers a conflict ends with (after
    /// how many sends, how many took effect); what a write that moves credit ends with. A lost answer of the last is
    /// settled from the credit history: applied (drop-after) is done without a second send; not applied is sent again.
    /// </summary>
    private static readonly Dictionary<string, (Outcome Read, Outcome Write, Outcome Moves)> Expected = new()
    {
        ["latency-fixed"] = (Outcome.Ok(1), Outcome.Ok(1), Outcome.Ok(1)),
        ["latency-range"] = (Outcome.Ok(1), Outcome.Ok(1), Outcome.Ok(1)),
        ["status-500"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["status-503-twice"] = (Outcome.Ok(3), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(3)),
        ["status-503-retry-after"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["status-504"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["status-408"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Timeout, "Mayar.Timeout", 1, writes: 0), Outcome.Ok(2)),
        ["status-429-retry-after"] = (Outcome.Ok(2), Outcome.Ok(2), Outcome.Ok(2)),
        ["status-429-twice"] = (Outcome.Ok(3), Outcome.Ok(3), Outcome.Ok(3)),
        ["rate-limit"] = (Outcome.Ok(2), Outcome.Ok(2), Outcome.Ok(2)),
        ["drop-before"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Transport, "Mayar.Transport", 1, writes: 0), Outcome.Ok(2)),
        ["drop-after"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Transport, "Mayar.Transport", 1, writes: 1), Outcome.Ok(1)),
        ["hang"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Timeout, "Mayar.Timeout", 1, writes: 0), Outcome.Ok(2)),
        ["process-hang"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Timeout, "Mayar.Timeout", 1, writes: 1), Outcome.Ok(1)),
        ["malformed-json"] = (Outcome.Fails(MayarErrorKind.InvalidResponse, "Mayar.InvalidResponse", 1), Outcome.Fails(MayarErrorKind.InvalidResponse, "Mayar.InvalidResponse", 1, writes: 0), Outcome.Ok(2)),
        ["html-502"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["text-502"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["error-as-http-200"] = (Outcome.Ok(2), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Ok(2)),
        ["status-503-always"] = (Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", Retries + 1), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", 1, writes: 0), Outcome.Fails(MayarErrorKind.Server, "Mayar.ServerError", Retries + 1, writes: 0)),
        ["connection-refused"] = (Outcome.Fails(MayarErrorKind.Transport, "Mayar.Transport", Retries + 1, notSent: true), Outcome.Fails(MayarErrorKind.Transport, "Mayar.Transport", Retries + 1, writes: 0, notSent: true), Outcome.Fails(MayarErrorKind.Transport, "Mayar.Transport", Retries + 1, writes: 0, notSent: true)),
    };

    public static IEnumerable<object[]> Cases() =>
        from fault in Expected.Keys
        from operation in ApiOperation.Names
        select new object[] { fault, operation };

    /// <summary>The credit-moving rows again, after an equal movement of the same customer that was answered.</summary>
    public static IEnumerable<object[]> SameAmountCases() =>
        from fault in Expected.Keys
        from operation in new[] { "AddCredit", "SpendCredit" }
        select new object[] { fault, operation };

    [Fact]
    public void The_matrix_covers_every_emulator_fault_kind()
    {
        var used = Expected.Keys.Select(name => name.Split('-')[0]).ToHashSet();
        foreach (var kind in FaultRule.Kinds)
        {
            var family = kind switch
            {
                "delay" => "latency",
                "drop-before" or "drop-after" => "drop",
                "error-200" => "error",
                _ => kind.Split('-')[0],
            };
            Assert.Contains(family, used);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Fault_outcome(string fault, string name) => RunCaseAsync(fault, name, sameAmountBefore: false);

    [Theory]
    [MemberData(nameof(SameAmountCases))]
    public Task Fault_outcome_after_a_same_amount_row(string fault, string name) => RunCaseAsync(fault, name, sameAmountBefore: true);

    private async Task RunCaseAsync(string fault, string name, bool sameAmountBefore)
    {
        var operation = ApiOperation.Named(name);
        var sample = operation.Create();
        var isRead = sample.Endpoint.IsRead;
        var movesCredit = sample is ICreditMovement;
        var expected = isRead ? Expected[fault].Read : movesCredit ? Expected[fault].Moves : Expected[fault].Write;
        var route = sample.Path;
        // A short timeout only where the fault needs one: elsewhere a slow first request on a busy machine
        // would time out and add an attempt the fault did not cause.
        var timeout = fault is "hang" or "process-hang" ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);
        var client = Client(maxRetries: Retries, timeout: timeout);
        if (sameAmountBefore)
        {
            // The same movement, answered, just before on the same connection: its entry must not be taken for this one's.
            await RunAsync(client, operation);
        }

        if (Inject(fault, route) is { } baseUri)
        {
            client = Client(baseUri: baseUri, maxRetries: Retries, timeout: timeout);
        }

        var writesBefore = operation.Stored(State);
        State.Harness.Log.Clear();
        var trace = new RecordingTrace();

        MayarApiException? failure = null;
        object? result = null;
        try
        {
            result = await RunAsync(client, operation, trace);
        }
        catch (MayarApiException ex)
        {
            failure = ex;
        }

        if (expected.Kind is null)
        {
            Assert.True(failure is null, $"{fault} × {operation}: expected success, got {failure?.Message}");
            Assert.NotNull(result);
        }
        else
        {
            Assert.NotNull(failure);
            Assert.Equal(expected.Kind, failure!.Kind);
            Assert.Equal(expected.ErrorId, failure.ErrorId);
            Assert.Equal(expected.Attempts, failure.Attempts);
            Assert.Equal(expected.NotSent, failure.RequestNotSent);
            // Every failing write in the matrix after sending is one whose effect cannot be ruled out, except a credit
            // movement, whose failures were checked in the history (not applied) or never sent.
            Assert.Equal(!isRead && !movesCredit && !expected.NotSent, failure.MayHaveBeenProcessed);
            Assert.Equal(movesCredit && !expected.NotSent, failure.NotApplied);
            if (failure.MayHaveBeenProcessed)
            {
                Assert.Contains("may have been processed", failure.Message);
            }
        }

        var sends = trace.Records.Where(r => r.Path == route).ToList();
        Assert.True(expected.Attempts == sends.Count, $"expected {expected.Attempts} attempts, traced:\n{string.Join("\n", trace.Lines)}");
        if (!movesCredit)
        {
            Assert.Equal(trace.Records.Count, sends.Count);
            Assert.Equal(expected.Attempts - 1, trace.Waits.Count);
            Assert.All(trace.Records.Select((record, index) => (record, index)), r => Assert.Equal(r.index + 1, r.record.Attempt));
        }
        else
        {
            // One history check after each send that may have arrived: not after a 429, a send never made, or the
            // send that succeeded. Only drop-after (processed, then cut) is found applied and reported as reconciled.
            var reconciled = result?.GetType().GetProperty("Reconciled")?.GetValue(result) is true;
            var direct = result is not null && !reconciled ? 1 : 0;
            var checks = expected.NotSent ? 0 : sends.Count - sends.Count(r => r.StatusCode == 429) - direct;
            Assert.True(checks == trace.Reconciliations.Count, $"expected {checks} history checks, traced:\n{string.Join("\n", trace.Lines)}");
            Assert.Equal(fault is "drop-after" or "process-hang", reconciled);
        }

        if (!isRead)
        {
            // Never duplicated: the emulator holds exactly the writes that took effect, at most one.
            var writes = operation.Stored(State) - writesBefore;
            Assert.Equal(expected.Kind is null ? 1 : expected.Writes, writes);
            Assert.True(Log.Count(e => e.Path == route && e.Processed) <= 1, "a write reached the endpoint twice");
        }
    }

    [Fact]
    public async Task Retry_After_is_honoured_as_the_wait()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 503, RetryAfter = "1" });
        var trace = new RecordingTrace();

        await Client(maxRetries: Retries).GetCreditBalanceAsync(Sample, trace);

        var wait = Assert.Single(trace.Waits);
        Assert.Equal(TimeSpan.FromSeconds(1), wait.Delay);
        Assert.Equal(2, wait.NextAttempt);
        Assert.Contains("503, Retry-After 1 s", wait.ToString());
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        var when = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 429, RetryAfter = when });
        var trace = new RecordingTrace();

        await Client(maxRetries: Retries).GetCreditBalanceAsync(Sample, trace);

        var wait = Assert.Single(trace.Waits);
        Assert.InRange(wait.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_ends_the_retries_with_the_error()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 429, RetryAfter = "3600" });

        var error = await FailsAsync(() => Client(maxRetries: Retries).GetCreditBalanceAsync(Sample));

        Assert.Equal(MayarErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Zero_retries_sends_once()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 503, Count = 0 });

        var error = await FailsAsync(() => Client(maxRetries: 0).GetCreditBalanceAsync(Sample));

        Assert.Equal(1, error.Attempts);
        Assert.Single(Log);
        Assert.DoesNotContain("Gave up", error.Message);
    }

    [Fact]
    public async Task A_429_that_reports_a_duplicate_request_is_a_conflict_and_not_retried()
    {
        Fault(new FaultRule { Status = 429, Body = "{\"statusCode\":429,\"messages\":\"Duplicate request detected. Please wait 1 minute before trying again.\"}" });

        var error = await FailsAsync(() => Client(maxRetries: Retries).CreateCustomerAsync(Customer()));

        Assert.Equal(MayarErrorKind.Conflict, error.Kind);
        Assert.Single(Log);
    }

    private Uri? Inject(string fault, string route)
    {
        switch (fault)
        {
            case "latency-fixed": Fault(new FaultRule { Path = route, Kind = "delay", DelayMs = 150 }); break;
            case "latency-range": Fault(new FaultRule { Path = route, Kind = "delay", DelayMs = 50, DelayMaxMs = 250 }); break;
            case "status-500": Fault(new FaultRule { Path = route, Status = 500 }); break;
            case "status-503-twice": Fault(new FaultRule { Path = route, Status = 503, Count = 2 }); break;
            case "status-503-retry-after": Fault(new FaultRule { Path = route, Status = 503, RetryAfter = "1" }); break;
            case "status-504": Fault(new FaultRule { Path = route, Status = 504 }); break;
            case "status-408": Fault(new FaultRule { Path = route, Status = 408 }); break;
            case "status-429-retry-after": Fault(new FaultRule { Path = route, Status = 429, RetryAfter = "1" }); break;
            case "status-429-twice": Fault(new FaultRule { Path = route, Status = 429, Count = 2 }); break;
            case "rate-limit":
                // One request per second, and one already used: the operation is refused once, with Retry-After.
                State.Harness.RateLimit.Set(1, 1);
                Assert.True(State.Harness.RateLimit.TryAdmit(out _));
                break;
            case "drop-before": Fault(new FaultRule { Path = route, Kind = "drop-before" }); break;
            case "drop-after": Fault(new FaultRule { Path = route, Kind = "drop-after" }); break;
            case "hang": Fault(new FaultRule { Path = route, Kind = "hang" }); break;
            case "process-hang": Fault(new FaultRule { Path = route, Kind = "process-hang" }); break;
            case "malformed-json": Fault(new FaultRule { Path = route, Kind = "malformed-json" }); break;
            case "html-502": Fault(new FaultRule { Path = route, Kind = "html" }); break;
            case "text-502": Fault(new FaultRule { Path = route, Kind = "text" }); break;
            case "error-as-http-200": Fault(new FaultRule { Path = route, Kind = "error-200" }); break;
            case "status-503-always": Fault(new FaultRule { Path = route, Status = 503, Count = 0 }); break;
            case "connection-refused": return UnreachableBaseUri();
            default: throw new ArgumentException(fault);
        }

        return null;
    }

    private sealed record Outcome(MayarErrorKind? Kind, string? ErrorId, int Attempts, int Writes, bool NotSent)
    {
        public static Outcome Ok(int attempts) => new(null, null, attempts, 1, false);

        public static Outcome Fails(MayarErrorKind kind, string errorId, int attempts, int writes = 0, bool notSent = false) => new(kind, errorId, attempts, writes, notSent);
    }
}
