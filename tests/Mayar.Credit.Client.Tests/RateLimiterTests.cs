using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The pacing limiter. Timing checks are lower bounds only (a wait can only be longer on a busy machine),
/// or generous upper bounds against a wait many times longer.
/// </summary>
public sealed class RateLimiterTests
{
    [Fact]
    public async Task Requests_leave_at_least_one_interval_apart()
    {
        var limiter = new MayarRateLimiter(600); // 100 ms apart
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            await TakeAsync(limiter);
        }

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(5 * 100), $"6 requests at 600/min took only {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Concurrent_callers_share_one_pace()
    {
        var limiter = new MayarRateLimiter(1200); // 50 ms apart
        var stopwatch = Stopwatch.StartNew();
        var departures = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await TakeAsync(limiter);
            return stopwatch.Elapsed;
        }));

        var ordered = departures.OrderBy(t => t).ToArray();
        Assert.True(ordered[^1] - ordered[0] >= TimeSpan.FromMilliseconds(7 * 50), "8 concurrent callers left together");
    }

    [Fact]
    public async Task Without_pacing_nobody_waits()
    {
        var limiter = new MayarRateLimiter(0);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.Zero, await TakeAsync(limiter));
        }
    }

    [Fact]
    public async Task A_pause_holds_every_caller_even_without_pacing()
    {
        var limiter = new MayarRateLimiter(0);
        limiter.PauseFor(TimeSpan.FromMilliseconds(300));
        var waited = await Task.WhenAll(TakeAsync(limiter), TakeAsync(limiter));
        Assert.All(waited, w => Assert.True(w >= TimeSpan.FromMilliseconds(250), $"waited only {w.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task A_pause_that_starts_during_a_wait_moves_the_turn_behind_it()
    {
        var limiter = new MayarRateLimiter(60); // 1 s apart
        await TakeAsync(limiter);
        var stopwatch = Stopwatch.StartNew();
        var second = TakeAsync(limiter);
        limiter.PauseFor(TimeSpan.FromSeconds(2));
        await second;
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(1900), $"left after {stopwatch.ElapsedMilliseconds} ms, inside the pause");
    }

    [Fact]
    public async Task Cancelling_ends_a_long_wait_at_once()
    {
        var limiter = new MayarRateLimiter(1); // a minute apart
        await TakeAsync(limiter);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(cancel.Token));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"a 60 s wait took {stopwatch.ElapsedMilliseconds} ms to cancel");
    }

    [Fact]
    public async Task A_request_waits_until_the_one_a_window_before_it_finished_a_window_ago()
    {
        var limiter = new MayarRateLimiter(3, TimeSpan.FromSeconds(1)); // 3 per second, 333 ms apart
        var slow = await limiter.AcquireAsync(CancellationToken.None);
        await TakeAsync(limiter);
        await TakeAsync(limiter);

        var fourth = limiter.AcquireAsync(CancellationToken.None);
        await Task.Delay(1500);
        Assert.False(fourth.IsCompleted, "left while the request a window before it was still in flight");

        var stopwatch = Stopwatch.StartNew();
        slow.Dispose();
        (await fourth).Dispose();
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950), $"left {stopwatch.ElapsedMilliseconds} ms after the slow one finished, inside its window");
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_for_a_request_in_flight()
    {
        var limiter = new MayarRateLimiter(1, TimeSpan.FromMilliseconds(10));
        using var inFlight = await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(cancel.Token));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60001)]
    public void Out_of_range_paces_are_refused_naming_the_parameter(int perMinute)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new MayarRateLimiter(perMinute));
        Assert.Equal("RequestsPerMinute", error.ParamName);
    }

    [Fact]
    public void The_documented_limit_spaces_requests_three_seconds_apart() =>
        Assert.Equal(3.0, new MayarRateLimiter(20).Interval.TotalSeconds, 3);

    private static async Task<TimeSpan> TakeAsync(MayarRateLimiter limiter)
    {
        using var lease = await limiter.AcquireAsync(CancellationToken.None);
        return lease.Waited;
    }
}
