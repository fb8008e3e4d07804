using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The windowed, ordered executor behind -ThrottleLimit, driven with work whose completion the tests control.</summary>
public sealed class OrderedWindowTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    [InlineData(-1)]
    public void A_limit_outside_1_to_64_is_refused_naming_ThrottleLimit(int limit)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new OrderedWindow<int, int>(limit));
        Assert.Equal("ThrottleLimit", error.ParamName);
        Assert.Contains("between 1 and 64", error.Message);
    }

    [Fact]
    public void Outcomes_come_back_in_input_order_whatever_order_the_work_finishes_in()
    {
        using var window = new OrderedWindow<int, string>(6);
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var seen = new List<OrderedWindowEvent<int, string>>();
        for (var i = 0; i < 4; i++)
        {
            var gate = gates[i];
            seen.AddRange(window.Add(i, () => gate.Task));
        }

        Assert.Empty(seen);
        gates[3].SetResult("d");
        gates[1].SetResult("b");
        gates[2].SetResult("c");

        // Later items are done, but the first is not: nothing may be handed back yet.
        seen.AddRange(window.Add(4, () => Task.FromResult("e")));
        Assert.Empty(seen);
        Assert.Equal(5, window.Count);

        gates[0].SetResult("a");
        seen.AddRange(window.Complete());

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, seen.Select(e => e.Item));
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, seen.Select(e => e.Result));
        Assert.All(seen, e => Assert.True(e.Succeeded));
        Assert.Equal(0, window.Count);
    }

    [Fact]
    public async Task Add_waits_while_the_window_is_full_and_returns_once_the_first_item_is_done()
    {
        using var window = new OrderedWindow<int, int>(2);
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Empty(window.Add(1, () => first.Task).ToList());

        // The second item fills the window: adding it waits for the first.
        var adding = Task.Run(() => window.Add(2, () => second.Task).ToList());
        await Task.Delay(200);
        Assert.False(adding.IsCompleted);

        first.SetResult(10);
        var handed = await adding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { 1 }, handed.Select(e => e.Item));
        Assert.Equal(1, window.Count);

        second.SetResult(20);
        Assert.Equal(new[] { 20 }, window.Complete().Select(e => e.Result));
    }

    [Fact]
    public void Never_more_than_the_limit_run_at_once_and_memory_is_held_by_the_window_only()
    {
        const int limit = 8;
        using var window = new OrderedWindow<int, int>(limit);
        var gauge = new InFlightGauge();
        var mostHeld = 0;
        var results = new List<int>();
        var random = new Random(42);

        for (var i = 0; i < 2000; i++)
        {
            var delay = random.Next(0, 3);
            var n = i;
            results.AddRange(window.Add(n, () => gauge.Measure(async () =>
            {
                await Task.Delay(delay);
                return n;
            })).Select(e => e.Result));
            mostHeld = Math.Max(mostHeld, window.Count);
            Assert.True(window.Count < limit, $"Add returned with {window.Count} items held");
        }

        results.AddRange(window.Complete().Select(e => e.Result));

        Assert.Equal(Enumerable.Range(0, 2000), results);
        Assert.InRange(gauge.Most, 2, limit);
        Assert.Equal(limit - 1, mostHeld);
    }

    [Fact]
    public void A_failure_is_attached_to_its_item_and_does_not_stop_the_others()
    {
        using var window = new OrderedWindow<string, int>(3);
        var events = new List<OrderedWindowEvent<string, int>>();
        events.AddRange(window.Add("ok-1", () => Task.FromResult(1)));
        events.AddRange(window.Add("bad", () => Task.FromException<int>(new MayarApiException(MayarErrorKind.Server, 500, 500, null, null, "GET", "/x"))));
        events.AddRange(window.Add("throws", () => throw new MayarArgumentException("Email", "must be an email address.")));
        events.AddRange(window.Add("ok-2", () => Task.FromResult(2)));
        events.AddRange(window.Complete());

        Assert.Equal(new[] { "ok-1", "bad", "throws", "ok-2" }, events.Select(e => e.Item));
        Assert.IsType<MayarApiException>(events[1].Error);
        Assert.IsType<MayarArgumentException>(events[2].Error);
        Assert.False(events[1].Succeeded);
        Assert.True(events[3].Succeeded);
    }

    [Fact]
    public void A_cancelled_item_is_reported_as_cancelled()
    {
        using var window = new OrderedWindow<int, int>(2);
        var events = window.Add(1, () => Task.FromCanceled<int>(new CancellationToken(true))).Concat(window.Complete()).ToList();
        var outcome = Assert.Single(events);
        Assert.True(outcome.IsCanceled);
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public void Messages_reach_the_feeding_thread_before_the_outcome_of_the_work_that_posted_them()
    {
        using var window = new OrderedWindow<int, int>(4);
        var feeder = Environment.CurrentManagedThreadId;
        var events = new List<(OrderedWindowEvent<int, int> Event, int Thread)>();
        for (var i = 0; i < 20; i++)
        {
            var n = i;
            foreach (var e in window.Add(n, async () =>
            {
                await Task.Yield();
                window.Post($"request {n} done");
                return n;
            }))
            {
                events.Add((e, Environment.CurrentManagedThreadId));
            }
        }

        events.AddRange(window.Complete().Select(e => (e, Environment.CurrentManagedThreadId)));

        Assert.All(events, e => Assert.Equal(feeder, e.Thread));
        Assert.Equal(20, events.Count(e => e.Event.IsMessage));
        for (var n = 0; n < 20; n++)
        {
            var message = events.FindIndex(e => e.Event.IsMessage && (string)e.Event.Message! == $"request {n} done");
            var outcome = events.FindIndex(e => !e.Event.IsMessage && e.Event.Item == n);
            Assert.True(message >= 0 && message < outcome, $"item {n}: message at {message}, outcome at {outcome}");
        }
    }

    // A message posted just before its work completes races the feeding thread's drain of the queue. Hundreds of
    // rounds of work that posts and completes at once, at several window sizes, make a lost ordering show up on
    // every run rather than one in ten.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Messages_precede_their_outcome_under_a_tight_race(int limit)
    {
        const int Rounds = 300;
        const int Items = 40;
        var misordered = new List<string>();
        for (var round = 0; round < Rounds && misordered.Count == 0; round++)
        {
            using var window = new OrderedWindow<int, int>(limit);
            var events = new List<OrderedWindowEvent<int, int>>();
            for (var i = 0; i < Items; i++)
            {
                var n = i;
                events.AddRange(window.Add(n, () => Task.Run(() =>
                {
                    window.Post(n);
                    return n;
                })));
            }

            events.AddRange(window.Complete());
            var seen = new HashSet<int>();
            foreach (var e in events)
            {
                if (e.IsMessage)
                {
                    seen.Add((int)e.Message!);
                }
                else if (!seen.Contains(e.Item))
                {
                    misordered.Add($"round {round}, item {e.Item}: outcome before its message");
                }
            }

            Assert.Equal(Items, seen.Count);
        }

        Assert.Empty(misordered);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait_promptly()
    {
        using var stop = new CancellationTokenSource();
        using var window = new OrderedWindow<int, int>(1, stop.Token);
        var never = new TaskCompletionSource<int>();
        var adding = Task.Run(() => window.Add(1, () => never.Task).ToList());
        await Task.Delay(100);
        Assert.False(adding.IsCompleted);

        stop.Cancel();
        var handed = await adding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(handed);
    }

    [Fact]
    public void Posting_after_disposal_is_ignored()
    {
        var window = new OrderedWindow<int, int>(1);
        window.Dispose();
        window.Post("late");
    }
}
