using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>What a command's progress says, and how often it may say it, on a clock the test moves.</summary>
public sealed class BatchProgressTests
{
    private TimeSpan _now;

    [Fact]
    public void Rows_count_done_and_failed_with_the_rate_and_no_percentage()
    {
        var progress = Rows(new MayarRateLimiter(0));
        for (var i = 0; i < 12; i++)
        {
            progress.RowFinished(failed: false);
        }

        progress.RowFinished(failed: true);
        _now = TimeSpan.FromSeconds(39);

        Assert.Equal("12 done · 1 failed · 20.0/min", progress.Status());
    }

    [Fact]
    public void A_fast_batch_shows_its_rate_per_second()
    {
        var progress = Rows(new MayarRateLimiter(0));
        for (var i = 0; i < 1000; i++)
        {
            progress.RowFinished(failed: false);
        }

        _now = TimeSpan.FromSeconds(4);
        Assert.Equal("1000 done · 0 failed · 250/s", progress.Status());
    }

    [Fact]
    public void No_rate_before_a_row_has_ended_or_a_second_has_passed()
    {
        var progress = Rows(new MayarRateLimiter(0));
        Assert.Equal("0 done · 0 failed", progress.Status());
        progress.RowFinished(failed: false);
        _now = TimeSpan.FromMilliseconds(400);
        Assert.Equal("1 done · 0 failed", progress.Status());
    }

    [Fact]
    public async Task A_paced_connection_says_when_the_next_request_may_leave()
    {
        var pace = new MayarRateLimiter(20); // 3 s apart
        using (await pace.AcquireAsync(CancellationToken.None))
        {
        }

        var status = Rows(pace).Status();
        Assert.Matches(@"^0 done · 0 failed · next request in [23] s$", status);
    }

    [Fact]
    public void A_pause_the_server_asked_for_is_shown_as_such()
    {
        var pace = new MayarRateLimiter(0);
        pace.PauseFor(TimeSpan.FromSeconds(30));
        Assert.Matches(@"^0 done · 0 failed · next request in (29|30) s \(the server asked to wait\)$", Rows(pace).Status());
    }

    [Fact]
    public void A_long_server_wait_is_told_once_while_it_lasts()
    {
        var progress = Rows(new MayarRateLimiter(0));
        Assert.False(progress.ServerWait(TimeSpan.FromSeconds(5)));
        Assert.True(progress.ServerWait(TimeSpan.FromSeconds(30)));
        _now = TimeSpan.FromSeconds(10);
        Assert.False(progress.ServerWait(TimeSpan.FromSeconds(30)));
        Assert.Equal("0 done · 0 failed · next request in 30 s (the server asked to wait)", progress.Status());
        _now = TimeSpan.FromSeconds(41);
        Assert.Equal("0 done · 0 failed", progress.Status());
        Assert.True(progress.ServerWait(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_forced_update_is_due_at_once_and_counts_as_made()
    {
        var progress = Rows(new MayarRateLimiter(0));
        _now = TimeSpan.FromMilliseconds(10);
        Assert.True(progress.TakeUpdate(force: true));
        Assert.True(progress.Started);
        _now = TimeSpan.FromMilliseconds(200);
        Assert.False(progress.TakeUpdate());
        _now = TimeSpan.FromMilliseconds(260);
        Assert.True(progress.TakeUpdate());
    }

    [Fact]
    public void The_first_update_comes_a_quarter_second_after_the_start_and_the_next_at_most_every_quarter_second()
    {
        var progress = Rows(new MayarRateLimiter(0));
        Assert.False(progress.TakeUpdate());
        _now = TimeSpan.FromMilliseconds(249);
        Assert.False(progress.TakeUpdate());
        Assert.False(progress.Started);
        _now = TimeSpan.FromMilliseconds(250);
        Assert.True(progress.TakeUpdate());
        Assert.True(progress.Started);
        _now = TimeSpan.FromMilliseconds(499);
        Assert.False(progress.TakeUpdate());
        _now = TimeSpan.FromMilliseconds(500);
        Assert.True(progress.TakeUpdate());
        _now = TimeSpan.FromMilliseconds(600);
        Assert.False(progress.TakeUpdate());
    }

    [Fact]
    public void The_rate_counts_from_the_first_request_and_the_final_status_has_no_next_request()
    {
        var pace = new MayarRateLimiter(0);
        pace.PauseFor(TimeSpan.FromSeconds(30));
        var progress = Rows(pace);
        _now = TimeSpan.FromSeconds(30);
        progress.RowStarting("a@example.com (row 1)");
        Assert.Equal("a@example.com (row 1)", progress.CurrentOperation);
        for (var i = 0; i < 20; i++)
        {
            progress.RowFinished(failed: false);
        }

        _now = TimeSpan.FromSeconds(90);
        Assert.StartsWith("20 done · 0 failed · 20.0/min · next request in", progress.Status());
        Assert.Equal("20 done · 0 failed · 20.0/min", progress.Status(final: true));
    }

    [Fact]
    public void A_list_counts_pages_and_entries()
    {
        var progress = new BatchProgress(new MayarRateLimiter(0), readsPages: true, () => _now);
        Assert.Equal("0 pages · 0 entries", progress.Status());
        progress.PageRead(1);
        Assert.Equal("1 page · 1 entry", progress.Status());
        progress.PageRead(100);
        progress.RowFinished(failed: true);
        Assert.Equal("2 pages · 101 entries · 1 failed", progress.Status());
    }

    private BatchProgress Rows(MayarRateLimiter pace) => new(pace, readsPages: false, () => _now);
}
