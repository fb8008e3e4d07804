using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Ctrl+C (the cmdlets' StopProcessing cancels the token) ends a request in flight, a retry's wait and a
/// pacing wait at once, with OperationCanceledException and nothing returned. Each wait here is tens of
/// seconds, so the generous bound only fails if cancellation did not work.
/// </summary>
public sealed class CancellationTests : EmulatorTest
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public CancellationTests(EmulatorFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
    }

    [Fact]
    public async Task Cancelling_ends_a_hung_request()
    {
        Fault(new FaultRule { Kind = "hang" });
        await AssertCancelsPromptlyAsync(token => Client(timeout: TimeSpan.FromSeconds(60)).GetCreditBalanceAsync(Sample, cancellationToken: token), whenReady: () => Log.Count == 1);
    }

    [Fact]
    public async Task Cancelling_ends_the_wait_before_a_retry()
    {
        Fault(new FaultRule { Status = 503, RetryAfter = "60" });
        var trace = new RecordingTrace();
        await AssertCancelsPromptlyAsync(token => Client(maxRetries: 4).GetCreditBalanceAsync(Sample, trace, token), whenReady: () => trace.Waits.Count == 1);
        Assert.Single(Log);
    }

    [Fact]
    public async Task Cancelling_ends_a_pacing_wait_and_sends_nothing()
    {
        var client = Client(requestsPerMinute: 1);
        await client.GetCreditBalanceAsync(Sample);
        await AssertCancelsPromptlyAsync(token => client.RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId), cancellationToken: token));
        Assert.Single(Log); // only the first request: the cancelled one never left
    }

    [Fact]
    public async Task A_429_pauses_the_connection_and_cancelling_ends_that_pause()
    {
        Fault(new FaultRule { Status = 429, RetryAfter = "60" });
        var client = Client(maxRetries: 0);
        await FailsAsync(() => client.GetCreditBalanceAsync(Sample));

        // Another command on the same connection waits for the server's Retry-After before sending.
        await AssertCancelsPromptlyAsync(token => client.GetCreditBalanceAsync(Sample, cancellationToken: token));
        Assert.Single(Log);
    }

    [Fact]
    public async Task A_timeout_is_not_a_cancellation()
    {
        Fault(new FaultRule { Kind = "hang" });
        var error = await FailsAsync(() => Client(timeout: TimeSpan.FromSeconds(1)).GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.Timeout, error.Kind);
    }

    // Starts the call, waits until it is in the state to interrupt (or 300 ms), then cancels it.
    private async Task AssertCancelsPromptlyAsync<T>(Func<CancellationToken, Task<T>> call, Func<bool>? whenReady = null)
    {
        using var cancel = new CancellationTokenSource();
        var task = call(cancel.Token);
        var waiting = Stopwatch.StartNew();
        while (whenReady is not null && !whenReady() && waiting.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        Assert.False(task.IsCompleted, "the call finished before it could be cancelled");
        var stopwatch = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        _output.WriteLine($"cancelled in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(stopwatch.Elapsed < Bound, $"cancellation took {stopwatch.ElapsedMilliseconds} ms");
    }
}
