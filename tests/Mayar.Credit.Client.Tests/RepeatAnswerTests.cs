using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Retries follow the operation's retry rule and error advice what a re-run answers: a write that moves credit is
/// never sent twice once it may have arrived, and none of its errors says that running it again is safe.
/// </summary>
public sealed class RepeatAnswerTests : EmulatorTest
{
    // What an error must not say of a write that moves credit.
    private static readonly Regex SaysRerunIsSafe = new(@"safe|no harm|answer(s|ed)? with (a |Mayar\.)?conflict", RegexOptions.IgnoreCase);

    public RepeatAnswerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Every_operation_declares_its_retry_rule_and_repeat_answer()
    {
        var register = new RegisterCreditCustomerOperation(new() { ProductId = EmulatorOptions.DefaultProductId, Name = "A", Email = "a@example.com", Mobile = "081234567890" });
        Assert.Equal((MayarRetryRule.OnlyIfNotReceived, RepeatAnswer.Conflict), (register.RetryRule, register.RepeatAnswer));
        var create = new NewCustomerOperation(new() { Name = "A", Email = "a@example.com" });
        Assert.Equal((MayarRetryRule.OnlyIfNotReceived, RepeatAnswer.Conflict), (create.RetryRule, create.RepeatAnswer));
        var add = new AddCreditOperation(new() { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, Amount = 1 });
        Assert.Equal((MayarRetryRule.OnlyIfNotReceived, RepeatAnswer.Duplicate), (add.RetryRule, add.RepeatAnswer));
        var balance = new GetCreditBalanceOperation(Sample);
        Assert.Equal((MayarRetryRule.AnyPassingFailure, RepeatAnswer.Unchanged, true), (balance.RetryRule, balance.RepeatAnswer, balance.Endpoint.IsRead));
    }

    [Theory]
    [InlineData("drop-after", null)]
    [InlineData("status", 500)]
    [InlineData("status", 503)]
    [InlineData("hang", null)]
    [InlineData("malformed-json", null)]
    public async Task A_write_that_moves_credit_is_sent_once_when_it_may_have_arrived(string kind, int? status)
    {
        Fault(new FaultRule { Kind = kind, Status = status, Path = AddCreditProbe.Route_, Count = 0 });
        var before = await Client().GetCreditBalanceAsync(Sample);

        var failure = await Assert.ThrowsAsync<MayarApiException>(() => Client(maxRetries: 4, timeout: TimeSpan.FromSeconds(kind == "hang" ? 2 : 10)).SendAsync(new AddCreditProbe(10)));

        Assert.Equal(1, failure.Attempts);
        Assert.Equal(1, Log.Count(e => e.Path == AddCreditProbe.Route_));
        Assert.Equal(RepeatAnswer.Duplicate, failure.RepeatAnswer);
        Assert.True(failure.MayHaveBeenProcessed);
        Assert.DoesNotMatch(SaysRerunIsSafe, failure.Message);
        Assert.DoesNotMatch(SaysRerunIsSafe, failure.RecommendedAction);
        Assert.Contains("could apply it twice", failure.Message, StringComparison.Ordinal);

        // At most once: the emulator moved the balance by the amount once, or not at all.
        State.Harness.Faults.Clear();
        var after = await Client().GetCreditBalanceAsync(Sample);
        Assert.Contains(after.Balance - before.Balance, new[] { 0m, 10m });
    }

    [Fact]
    public async Task A_write_that_moves_credit_is_retried_when_it_certainly_did_not_arrive()
    {
        Fault(new FaultRule { Status = 429, RetryAfter = "0", Path = AddCreditProbe.Route_ });
        var before = await Client().GetCreditBalanceAsync(Sample);

        await Client(maxRetries: 2).SendAsync(new AddCreditProbe(10));

        Assert.Equal(2, Log.Count(e => e.Path == AddCreditProbe.Route_));
        Assert.Equal(before.Balance + 10m, (await Client().GetCreditBalanceAsync(Sample)).Balance);
    }

    [Fact]
    public void No_error_of_a_write_that_moves_credit_says_a_rerun_is_safe()
    {
        foreach (var kind in Enum.GetValues(typeof(MayarErrorKind)).Cast<MayarErrorKind>())
        {
            foreach (var notSent in new[] { false, true })
            {
                var failure = new MayarApiException(kind, 500, 500, "server text", null, "POST", AddCreditProbe.Route_)
                {
                    RepeatAnswer = RepeatAnswer.Duplicate,
                    RequestNotSent = notSent,
                };
                Assert.DoesNotMatch(SaysRerunIsSafe, failure.Message);
                Assert.DoesNotMatch(SaysRerunIsSafe, failure.RecommendedAction);
            }
        }
    }

    [Fact]
    public void A_write_that_answers_a_conflict_says_so_when_it_may_have_been_processed()
    {
        var failure = new MayarApiException(MayarErrorKind.Timeout, null, null, null, null, "POST", MayarRoutes.RegisterCreditCustomer)
        {
            RepeatAnswer = RepeatAnswer.Conflict,
        };
        Assert.True(failure.MayHaveBeenProcessed);
        Assert.Contains("conflict", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mayar.Conflict", failure.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_that_answers_not_found_says_so_when_it_may_have_been_processed()
    {
        var failure = new MayarApiException(MayarErrorKind.Timeout, null, null, null, null, "POST", MayarRoutes.CreateCustomer)
        {
            RepeatAnswer = RepeatAnswer.NotFound,
        };
        Assert.True(failure.MayHaveBeenProcessed);
        Assert.Contains("not found", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mayar.NotFound", failure.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("twice", failure.RecommendedAction, StringComparison.Ordinal);
    }

    // A write that takes effect every time it arrives, like adding credit: the emulator's add-credit endpoint.
    private sealed class AddCreditProbe : MayarOperation<CreditBalance>
    {
        public const string Route_ = "/credit/v1/credit/customer/add-credit";

        private readonly byte[] _body;

        public AddCreditProbe(int amount) =>
            _body = Encoding.UTF8.GetBytes($"{{\"customerId\":\"{EmulatorOptions.SampleCustomerId}\",\"productId\":\"{EmulatorOptions.SampleProductId}\",\"amount\":{amount}}}");

        public override MayarEndpoint Endpoint { get; } = MayarEndpoint.Write(Route_, RepeatAnswer.Duplicate);

        internal override byte[]? Body => _body;

        internal override CreditBalance Read(MayarPayload payload) => new() { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId };
    }
}
