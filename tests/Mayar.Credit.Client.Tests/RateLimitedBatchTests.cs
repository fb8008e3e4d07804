using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// A batch against the emulator's strict sliding-window limit, scaled from the documented 20 per minute to
/// 600 per minute (100 per 10 s, so a 200-item batch fills the window twice): paced, it completes with no
/// failure, no duplicate and at most one 429; unpaced, the limit bites and retries carry it through.
/// </summary>
public sealed class RateLimitedBatchTests : EmulatorTest
{
    private const int PerWindow = 100;
    private const int WindowSeconds = 10;
    private const int RequestsPerMinute = PerWindow * 60 / WindowSeconds;

    private readonly ITestOutputHelper _output;

    public RateLimitedBatchTests(EmulatorFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
    }

    [Fact]
    public async Task A_paced_batch_of_200_registrations_completes_once_each_with_at_most_one_429()
    {
        State.Harness.RateLimit.Set(PerWindow, WindowSeconds);
        var client = Client(maxRetries: MayarRetryPolicy.DefaultMaxRetries, requestsPerMinute: RequestsPerMinute);
        var emails = Enumerable.Range(0, 200).Select(i => $"batch.{i}.{Guid.NewGuid():N}@example.com").ToArray();
        var registrationsBefore = State.Store.Accounts.All().Count;

        var (failures, elapsed) = await RunConcurrentlyAsync(client, emails, workers: 8);

        var limited = Log.Count(e => e.Status == 429);
        var minutes = Math.Max(1, (int)Math.Ceiling(elapsed.TotalMinutes));
        _output.WriteLine($"200 registrations at {RequestsPerMinute}/min: {elapsed.TotalSeconds:0.0} s (ideal {200 * 60.0 / RequestsPerMinute:0.0} s), {limited} × 429, {failures.Count} failures");
        foreach (var entry in Log.Where(e => e.Status == 429))
        {
            _output.WriteLine($"429 at request {entry.Sequence - Log[0].Sequence + 1}, {(entry.Time - Log[0].Time).TotalMilliseconds:0} ms");
        }

        Assert.Empty(failures);
        Assert.Equal(200, State.Store.Accounts.All().Count - registrationsBefore);
        Assert.Equal(200, Log.Where(e => e.Processed).Select(e => e.Body).Distinct().Count());
        Assert.True(limited <= minutes, $"{limited} × 429 in {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task An_unpaced_burst_meets_the_limit_and_retries_carry_it_through_without_duplicates()
    {
        State.Harness.RateLimit.Set(10, 1);
        var client = Client(maxRetries: MayarRetryPolicy.DefaultMaxRetries, requestsPerMinute: 0);
        var emails = Enumerable.Range(0, 30).Select(i => $"burst.{i}.{Guid.NewGuid():N}@example.com").ToArray();
        var registrationsBefore = State.Store.Accounts.All().Count;

        var (failures, _) = await RunConcurrentlyAsync(client, emails, workers: 8);

        Assert.Empty(failures);
        Assert.True(Log.Count(e => e.Status == 429) > 0, "the emulator's limit did not bite: the test proves nothing");
        Assert.Equal(30, State.Store.Accounts.All().Count - registrationsBefore);
    }

    private static async Task<(ConcurrentBag<Exception> Failures, TimeSpan Elapsed)> RunConcurrentlyAsync(MayarClient client, string[] emails, int workers)
    {
        var queue = new ConcurrentQueue<string>(emails);
        var failures = new ConcurrentBag<Exception>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (queue.TryDequeue(out var email))
            {
                try
                {
                    await client.RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId, email));
                }
                catch (MayarApiException ex)
                {
                    failures.Add(ex);
                }
            }
        }));
        return (failures, stopwatch.Elapsed);
    }
}
