using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Adding and spending credit, and the rule that credit never moves twice (docs/api/mayar-api.md C3, C4; issue 11).</summary>
public sealed class CreditMovementTests : EmulatorTest
{
    private const string HistoryPath = "/credit/v1/credit/customer/paginate-credit-history/" + EmulatorOptions.SampleCustomerId;

    public CreditMovementTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_top_up_adds_to_the_add_on_wallet_and_reports_the_balance_after()
    {
        var before = await BalanceAsync();

        var topUp = await Client().AddCreditAsync(Movement(25));

        Assert.Equal((EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId, 25m), (topUp.CustomerId, topUp.ProductId, topUp.Amount));
        Assert.False(topUp.Reconciled);
        var after = await BalanceAsync();
        Assert.Equal(before.Balance + 25, after.Balance);
        Assert.Equal(before.AddonBalance + 25, after.AddonBalance);
        Assert.Equal(after.Balance, topUp.BalanceAfter);
        Assert.Equal($"{{\"customerId\":\"{EmulatorOptions.SampleCustomerId}\",\"productId\":\"{EmulatorOptions.SampleProductId}\",\"amount\":25}}", OnlyRequestTo(MayarRoutes.AddCredit).Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_spend_reports_the_split_over_the_wallets(bool numbersAsStrings)
    {
        Variants(v => v.NumbersAsStrings = numbersAsStrings);

        var spend = await Client().SpendCreditAsync(Movement(29600));

        Assert.Equal(29600m, spend.Amount);
        Assert.Equal(("MAIN", 29501m, 99m), (spend.Wallet, spend.FromWallet, spend.FromAddOn));
        Assert.Equal(401m, (await BalanceAsync()).Balance);
    }

    [Fact]
    public async Task Spending_more_than_the_balance_is_insufficient_credit_and_not_retried()
    {
        var error = await FailsAsync(() => Client(maxRetries: 4).SpendCreditAsync(Movement(30002)));

        Assert.Equal(MayarErrorKind.InsufficientCredit, error.Kind);
        Assert.Equal("Mayar.InsufficientCredit", error.ErrorId);
        Assert.StartsWith("Not enough credit: Cannot spend customer credit. Insufficient customer credit [POST ", error.Message, System.StringComparison.Ordinal);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Single(Log);
        Assert.Equal(30001m, (await BalanceAsync()).Balance);
    }

    [Fact]
    public async Task Processed_then_dropped_is_found_in_the_history_and_reported_done_without_a_second_send()
    {
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });
        var trace = new RecordingTrace();

        var topUp = await Client(maxRetries: 4).AddCreditAsync(Movement(10), trace);

        Assert.True(topUp.Reconciled);
        Assert.Null(topUp.BalanceAfter);
        Assert.Equal(30011m, (await BalanceAsync()).Balance);
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
        var line = Assert.Single(trace.Reconciliations).ToString();
        Assert.Matches("^POST /credit/v1/credit/customer/add-credit: the connection broke, but the credit history shows MERCHANT_TOPUP 10 as entry [0-9a-f]{24} at .* \\(the one entry this movement can have made .*\\): done, not sent again$", line);
        Assert.Equal(new[] { Assert.Single(trace.Reconciliations).Entries.Single().Id }, topUp.MatchedEntryId);
    }

    [Fact]
    public async Task Dropped_before_processing_is_not_in_the_history_and_is_sent_once_more()
    {
        Fault(new FaultRule { Path = MayarRoutes.SpendCredit, Kind = "drop-before" });
        var trace = new RecordingTrace();

        var spend = await Client(maxRetries: 4).SpendCreditAsync(Movement(10), trace);

        Assert.False(spend.Reconciled);
        Assert.Equal(29991m, (await BalanceAsync()).Balance);
        Assert.Equal(2, Log.Count(e => e.Path == MayarRoutes.SpendCredit));
        Assert.EndsWith("not applied", Assert.Single(trace.Reconciliations).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drop-after", 10)]
    [InlineData("drop-before", 0)]
    public async Task With_the_history_unreadable_the_outcome_is_unknown_and_the_error_says_how_to_check(string kind, int moved)
    {
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = kind });
        Fault(new FaultRule { Path = HistoryPath, Status = 503, Count = 0 });

        var error = await FailsAsync(() => Client(maxRetries: 2).AddCreditAsync(Movement(10)));

        Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal("Mayar.OutcomeUnknown", error.ErrorId);
        Assert.Equal(MayarErrorKind.Transport, Assert.IsType<MayarApiException>(error.InnerException).Kind);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.StartsWith($"Outcome unknown: +10 for customer {EmulatorOptions.SampleCustomerId} in product {EmulatorOptions.SampleProductId}: The answer was lost (the connection broke) and the customer's credit history could not be read", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Check with: Get-MayarCreditHistory -CustomerId {EmulatorOptions.SampleCustomerId} -ProductId {EmulatorOptions.SampleProductId} -Type MERCHANT_TOPUP -Since '", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.CheckCommand, Regex.Match(error.Message, "Check with: (.*) - and send it again").Groups[1].Value);
        Assert.DoesNotMatch(new Regex("safe|no harm", RegexOptions.IgnoreCase), error.Message + " " + error.RecommendedAction);
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
        State.Harness.Faults.Clear();
        Assert.Equal(30001m + moved, (await BalanceAsync()).Balance);
    }

    [Fact]
    public async Task Never_applied_after_every_send_is_reported_as_not_applied()
    {
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 503, Count = 0 });

        var error = await FailsAsync(() => Client(maxRetries: 2).AddCreditAsync(Movement(10)));

        Assert.True(error.NotApplied);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("shows it was not applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Log.Count(e => e.Path == MayarRoutes.AddCredit));
        Assert.Equal(30001m, (await BalanceAsync()).Balance);
    }

    [Fact]
    public async Task A_members_spend_takes_the_membership_wallet_first_and_its_history_says_so()
    {
        var spend = await Client().SpendCreditAsync(Member(1250));

        Assert.Equal(("MEMBERSHIP", 1200m, 50m), (spend.Wallet, spend.FromWallet, spend.FromAddOn));
        var balance = await MemberBalanceAsync();
        Assert.Equal((250m, 0m, 250m), (balance.Balance, balance.MembershipBalance, balance.AddonBalance));
        var history = await Client().SendAsync(new GetCreditHistoryPageOperation(new GetCreditHistoryRequest
        {
            CustomerId = EmulatorOptions.SampleMemberCustomerId,
            ProductId = EmulatorOptions.MembershipProductId,
            MembershipTierId = EmulatorOptions.MembershipTierId,
            Type = "CREDIT_USAGE",
        }));
        Assert.Equal(new[] { ("ADD_ON", -50m), ("MEMBERSHIP", -1200m) }, history.Items.Select(e => (e.WalletType!, e.Amount)).OrderBy(e => e.Item1));
        Assert.All(history.Items, e => Assert.Equal(EmulatorOptions.MembershipTierId, e.MembershipTierId));
    }

    [Fact]
    public async Task A_members_top_up_whose_answer_was_lost_is_found_in_the_members_history()
    {
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });

        var topUp = await Client(maxRetries: 4).AddCreditAsync(Member(40));

        Assert.True(topUp.Reconciled);
        Assert.Equal(EmulatorOptions.SampleMemberId, topUp.MemberId);
        Assert.Equal(1540m, (await MemberBalanceAsync()).Balance);
        Assert.Equal(1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
        Assert.Contains("membershipTierId=" + EmulatorOptions.MembershipTierId, Log.Last().Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Amount", null, null)]
    [InlineData("Amount", 0.0, null)]
    [InlineData("Amount", -5.0, null)]
    [InlineData("Amount", 1.5, null)]
    [InlineData("Amount", 3000000000.0, null)]
    [InlineData("MemberId", 10.0, "PQVS4KG")]
    [InlineData("MemberId", 10.0, "PQVS-4KG")]
    public void Refuses_bad_input_naming_the_parameter(string parameter, double? amount, string? memberId)
    {
        var request = Movement(amount is null ? null : (decimal)amount.Value);
        request.MemberId = memberId;

        Assert.Equal(parameter, Assert.Throws<MayarArgumentException>(() => new AddCreditOperation(request)).ParamName);
        Assert.Equal(parameter, Assert.Throws<MayarArgumentException>(() => new SpendCreditOperation(request)).ParamName);
        Assert.Empty(Log);
    }

    private static CreditMovementRequest Movement(decimal? amount) => new()
    {
        CustomerId = EmulatorOptions.SampleCustomerId,
        ProductId = EmulatorOptions.SampleProductId,
        Amount = amount,
    };

    private Task<CreditBalance> BalanceAsync() => Client().GetCreditBalanceAsync(Sample);

    // The sample member: 1200 in its MEMBERSHIP wallet, 300 in ADD_ON.
    private static CreditMovementRequest Member(decimal amount) => new()
    {
        CustomerId = EmulatorOptions.SampleMemberCustomerId,
        ProductId = EmulatorOptions.MembershipProductId,
        MembershipTierId = EmulatorOptions.MembershipTierId,
        MemberId = EmulatorOptions.SampleMemberId,
        Amount = amount,
    };

    private Task<CreditBalance> MemberBalanceAsync() => Client().GetCreditBalanceAsync(new GetCreditBalanceRequest
    {
        MemberId = EmulatorOptions.SampleMemberId,
        MembershipTierId = EmulatorOptions.MembershipTierId,
        ProductId = EmulatorOptions.MembershipProductId,
    });

    private RequestLogEntry OnlyRequestTo(string path) => Assert.Single(Log, e => e.Path == path);
}
