using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Issue 14: reconciliation against a server whose clock is off, whose history lags, is served oldest first or in
/// pages too small to read whole, and a stop while a processed movement's answer is held. Judged by the ledger.
/// </summary>
public sealed class ReconciliationUnderFaultsTests : EmulatorTest
{
    public ReconciliationUnderFaultsTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_emulator_clock_offset_shows_in_the_date_header_and_the_history_times()
    {
        State.Clock.Offset = TimeSpan.FromMinutes(-5);
        var account = await NewAccountAsync();
        var client = Client();

        var topUp = await client.AddCreditAsync(account.Move(5));
        var page = await client.SendAsync(new GetCreditHistoryPageOperation(new GetCreditHistoryRequest { CustomerId = account.CustomerId, ProductId = account.ProductId, Type = "MERCHANT_TOPUP" }));

        Assert.False(topUp.Reconciled);
        Assert.InRange(client.ServerClock.Offset.TotalSeconds, -303, -297);
        Assert.InRange((DateTimeOffset.UtcNow - page.Items.Single().CreatedAt!.Value).TotalSeconds, 297, 303);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task Clock_skew_a_processed_top_up_whose_answer_was_lost_is_found_in_the_servers_clock(int offsetSeconds)
    {
        State.Clock.Offset = TimeSpan.FromSeconds(offsetSeconds);
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });

        var topUp = await Client(maxRetries: 3).AddCreditAsync(account.Move(100));

        Assert.True(topUp.Reconciled);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Clock_skew_a_server_ahead_does_not_lend_an_older_equal_entry_to_a_top_up_that_was_not_processed()
    {
        State.Clock.Offset = TimeSpan.FromMinutes(5);
        var account = await NewAccountAsync();
        await Client().AddCreditAsync(account.Move(100)); // another connection, seconds earlier
        await Task.Delay(TimeSpan.FromSeconds(4));
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 500 });

        var topUp = await Client(maxRetries: 3).AddCreditAsync(account.Move(100));

        Assert.False(topUp.Reconciled);
        Assert.Equal(new[] { 100m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Lagging_history_a_write_shown_late_is_found_on_the_second_read_not_sent_twice()
    {
        State.Harness.History = new EmulatorHistoryBehaviour { LagMs = 1500 };
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });

        var topUp = await Client(maxRetries: 3, settleDelay: TimeSpan.FromSeconds(2.5)).AddCreditAsync(account.Move(100));

        Assert.True(topUp.Reconciled);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task History_order_oldest_first_and_dates_ignored_the_whole_window_is_read()
    {
        State.Harness.History = new EmulatorHistoryBehaviour { Order = "asc", IgnoreDates = true, MaxLimit = 10 };
        var account = await NewAccountAsync();
        for (var i = 0; i < 35; i++)
        {
            State.Store.AddCredit(account.CustomerId, account.ProductId, 100, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        }

        await Task.Delay(TimeSpan.FromSeconds(5)); // older than the window
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });

        var topUp = await Client(maxRetries: 3).AddCreditAsync(account.Move(100));

        Assert.True(topUp.Reconciled);
        Assert.Equal(36, account.Ledger(LedgerEntryType.AddCredit).Length);
        Assert.Equal(4, Log.Count(e => e.Path.Contains("paginate-credit-history", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_cap_reached_is_outcome_unknown_never_not_found()
    {
        State.Harness.History = new EmulatorHistoryBehaviour { Order = "asc", IgnoreDates = true, MaxLimit = 1 };
        var account = await NewAccountAsync();
        for (var i = 0; i < CreditHistoryWindow.MaxPages + 5; i++)
        {
            State.Store.AddCredit(account.CustomerId, account.ProductId, 1, CreditWallet.AddOn, LedgerEntryType.AddCredit);
        }

        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 500 });

        var error = await FailsAsync(() => Client(maxRetries: 3).AddCreditAsync(account.Move(100)));

        Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("pages", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(100m, account.Ledger(LedgerEntryType.AddCredit));
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
    }

    [Fact]
    public async Task Stopped_while_a_processed_answer_is_held_briefly_the_movement_finishes_within_the_grace_period()
    {
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "process-hang", HoldMs = 1500 });
        using var stop = new CancellationTokenSource();

        var sending = Client(stopGrace: TimeSpan.FromSeconds(5)).AddCreditAsync(account.Move(100), cancellationToken: stop.Token);
        await WaitUntilAsync(() => Log.Any(e => e.Path == MayarRoutes.AddCredit && e.Processed));
        stop.Cancel();
        var topUp = await sending;

        Assert.False(topUp.Reconciled);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Stopped_while_a_processed_answer_never_comes_is_outcome_unknown_after_the_grace_period_and_nothing_more_is_sent()
    {
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "process-hang" });
        using var stop = new CancellationTokenSource();
        var client = Client(stopGrace: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(30));

        var first = client.AddCreditAsync(account.Move(100), cancellationToken: stop.Token);
        var second = client.AddCreditAsync(account.Move(100), cancellationToken: stop.Token); // waits for its account's turn
        await WaitUntilAsync(() => Log.Any(e => e.Path == MayarRoutes.AddCredit && e.Processed));
        var stoppedAt = DateTimeOffset.UtcNow;
        stop.Cancel();
        var error = await FailsAsync(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);

        Assert.InRange((DateTimeOffset.UtcNow - stoppedAt).TotalSeconds, 0.5, 6);
        Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("Ctrl+C", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
    }

    [Fact]
    public async Task Stopped_before_the_send_nothing_is_sent()
    {
        var account = await NewAccountAsync();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().AddCreditAsync(account.Move(100), cancellationToken: stop.Token));

        Assert.Empty(Log);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private async Task<ExactlyOnceTests.TestAccount> NewAccountAsync()
    {
        var product = NewProduct();
        var registered = await RegisterAsync(product);
        State.Harness.Log.Clear();
        return new ExactlyOnceTests.TestAccount(State, registered.CustomerId, product);
    }
}
