using System;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Issue 14: credit moves exactly once, or the client says it does not know. Every test judges by the emulator's
/// ledger (the truth), never by what the client reported alone.
/// </summary>
public sealed class ExactlyOnceTests : EmulatorTest
{
    public ExactlyOnceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    // Faults that do NOT process the request but leave the client unsure whether it arrived.
    public static TheoryData<string> UnprocessedFaults => new() { "status-500", "html-502", "hang", "drop-before", "error-200" };

    [Theory]
    [MemberData(nameof(UnprocessedFaults))]
    public async Task Same_amount_rows_a_second_top_up_that_was_not_processed_is_sent_again_not_taken_for_the_first(string fault)
    {
        var account = await NewAccountAsync();
        var client = Client(maxRetries: 2, timeout: TimeSpan.FromSeconds(1));
        var first = await client.AddCreditAsync(account.Move(100));
        Fault(Unprocessed(fault, MayarRoutes.AddCredit));

        var second = await client.AddCreditAsync(account.Move(100));

        Assert.False(first.Reconciled);
        Assert.False(second.Reconciled);
        Assert.Equal(new[] { 100m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
        Assert.Equal(3, Log.Count(e => e.Path == MayarRoutes.AddCredit));
    }

    [Theory]
    [MemberData(nameof(UnprocessedFaults))]
    public async Task Same_amount_rows_a_second_spend_that_was_not_processed_is_sent_again(string fault)
    {
        var account = await NewAccountAsync(main: 500);
        var client = Client(maxRetries: 2, timeout: TimeSpan.FromSeconds(1));
        await client.SpendCreditAsync(account.Move(40));
        Fault(Unprocessed(fault, MayarRoutes.SpendCredit));

        var second = await client.SpendCreditAsync(account.Move(40));

        Assert.False(second.Reconciled);
        Assert.Equal(new[] { -40m, -40m }, account.Ledger(LedgerEntryType.Spend));
    }

    [Fact]
    public async Task Same_amount_rows_at_throttle_limit_8_move_eight_times_with_faults_on_three()
    {
        var account = await NewAccountAsync();
        var client = Client(maxRetries: 3);
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after", Count = 1 });
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 500, Count = 2 });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.AddCreditAsync(account.Move(100))));

        Assert.Equal(Enumerable.Repeat(100m, 8), account.Ledger(LedgerEntryType.AddCredit));
        Assert.Equal(1, results.Count(r => r.Reconciled));
        Assert.Single(results.Single(r => r.Reconciled).MatchedEntryId);
    }

    [Fact]
    public async Task Fifty_fifty_then_a_hundred_not_processed_is_not_matched_by_the_two_fifties()
    {
        var account = await NewAccountAsync();
        var client = Client(maxRetries: 2);
        await client.AddCreditAsync(account.Move(50));
        await client.AddCreditAsync(account.Move(50));
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 500 });

        var hundred = await client.AddCreditAsync(account.Move(100));

        Assert.False(hundred.Reconciled);
        Assert.Equal(new[] { 50m, 50m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Split_spend_after_a_spend_whose_answer_is_lost_is_found_as_its_two_entries_and_not_sent_again()
    {
        var account = await NewAccountAsync(main: 130, trial: 100);
        var client = Client(maxRetries: 2);
        await client.SpendCreditAsync(account.Move(30));
        Fault(new FaultRule { Path = MayarRoutes.SpendCredit, Kind = "drop-after" });

        var split = await client.SpendCreditAsync(account.Move(150));

        Assert.True(split.Reconciled);
        Assert.Equal(("MAIN", 100m, 50m), (split.Wallet, split.FromWallet, split.FromAddOn));
        Assert.Equal(2, split.MatchedEntryId.Length);
        Assert.Equal(-180m, account.Ledger(LedgerEntryType.Spend).Sum());
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.SpendCredit && e.Fault is not null));
        Assert.Equal(2, Log.Count(e => e.Path == MayarRoutes.SpendCredit));
    }

    [Fact]
    public async Task Another_writers_equal_top_up_in_the_same_seconds_makes_the_outcome_unknown_never_a_second_send()
    {
        var account = await NewAccountAsync();
        await Client().AddCreditAsync(account.Move(100)); // another connection: no claim here
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });
        var trace = new RecordingTrace();

        var error = await FailsAsync(() => Client(maxRetries: 4).AddCreditAsync(account.Move(100), trace));

        Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal(2, error.Candidates.Count);
        Assert.All(error.Candidates, c => Assert.Contains(c.Id!, error.Message, StringComparison.Ordinal));
        Assert.Contains($"Get-MayarCreditHistory -CustomerId {account.CustomerId} -ProductId {account.ProductId} -Type MERCHANT_TOPUP -Since '", error.Message, StringComparison.Ordinal);
        Assert.Equal(MayarReconcileRecord.Unknown, Assert.Single(trace.Reconciliations).Verdict);
        Assert.Equal(new[] { 100m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Another_writers_spend_in_the_window_makes_a_lost_spend_unknown()
    {
        var account = await NewAccountAsync(main: 500);
        await Client().SpendCreditAsync(account.Move(25));
        Fault(new FaultRule { Path = MayarRoutes.SpendCredit, Kind = "drop-after" });

        var error = await FailsAsync(() => Client(maxRetries: 4).SpendCreditAsync(account.Move(40)));

        Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal(new[] { -25m, -40m }, account.Ledger(LedgerEntryType.Spend));
    }

    [Fact]
    public async Task Nothing_found_is_read_again_after_the_settle_delay_before_it_counts_as_not_applied()
    {
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 503 });
        var trace = new RecordingTrace();

        var topUp = await Client(maxRetries: 1, settleDelay: TimeSpan.FromMilliseconds(300)).AddCreditAsync(account.Move(70), trace);

        Assert.False(topUp.Reconciled);
        Assert.Equal(2, Log.Count(e => e.Path.StartsWith(MayarRoutes.CreditHistory.Split('{')[0], StringComparison.Ordinal)));
        Assert.Contains(trace.Waits, w => w.Delay == TimeSpan.FromMilliseconds(300));
        Assert.Equal(new[] { 70m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Without_faults_each_movement_sends_exactly_one_request()
    {
        var account = await NewAccountAsync(main: 1000);
        var client = Client(maxRetries: 4);

        for (var i = 0; i < 5; i++)
        {
            await client.AddCreditAsync(account.Move(10));
            await client.SpendCreditAsync(account.Move(10));
        }

        Assert.Equal(10, Log.Count);
        Assert.Equal(Enumerable.Repeat(10m, 5), account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task The_server_clock_is_learnt_from_the_date_header()
    {
        var client = Client();
        Assert.False(client.ServerClock.IsKnown);

        await client.GetCreditBalanceAsync(Sample);

        Assert.True(client.ServerClock.IsKnown);
        Assert.InRange(client.ServerClock.Offset.TotalSeconds, -3, 3);
        Assert.InRange(client.ServerClock.Uncertainty!.Value.TotalSeconds, 0, 3);
    }

    internal static FaultRule Unprocessed(string fault, string path) => fault switch
    {
        "status-500" => new FaultRule { Path = path, Status = 500 },
        "html-502" => new FaultRule { Path = path, Kind = "html" },
        "error-200" => new FaultRule { Path = path, Kind = "error-200" },
        _ => new FaultRule { Path = path, Kind = fault },
    };

    // A fresh customer in a fresh product, with MAIN credit put in directly and trial credit in ADD_ON.
    private async Task<TestAccount> NewAccountAsync(decimal main = 0, decimal trial = 0)
    {
        var product = NewProduct();
        var registered = await RegisterAsync(product, trialCredit: trial);
        if (main > 0)
        {
            State.Store.AddCredit(registered.CustomerId, product, main, CreditWallet.Main, LedgerEntryType.AdminCredit);
        }

        State.Harness.Log.Clear();
        return new TestAccount(State, registered.CustomerId, product);
    }

    internal sealed class TestAccount
    {
        private readonly Mayar.Credit.Emulator.EmulatorState _state;

        public TestAccount(Mayar.Credit.Emulator.EmulatorState state, string customerId, string productId)
        {
            _state = state;
            CustomerId = customerId;
            ProductId = productId;
        }

        public string CustomerId { get; }

        public string ProductId { get; }

        public CreditMovementRequest Move(decimal amount) => new() { CustomerId = CustomerId, ProductId = ProductId, Amount = amount };

        /// <summary>The ledger's movements of one type for this account, oldest first.</summary>
        public decimal[] Ledger(LedgerEntryType type) =>
            _state.Store.Ledger.For(CustomerId, ProductId).Where(e => e.Type == type).Select(e => e.Amount).ToArray();
    }
}
