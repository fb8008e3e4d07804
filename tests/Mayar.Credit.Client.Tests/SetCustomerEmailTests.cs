using System;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// docs/api/mayar-api.md K4 through the client: the email change, its body, its input rules, and what a lost answer
/// leaves (proved against the emulator's V2 customers, not the client's result).
/// </summary>
public sealed class SetCustomerEmailTests : EmulatorTest
{
    public SetCustomerEmailTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Moves_the_customer_to_the_new_email_with_one_post_of_from_and_to()
    {
        var newEmail = NewEmail();

        var change = await Client().SendAsync(new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = " " + SampleEmail.ToUpperInvariant(), NewEmail = newEmail }));

        Assert.Equal((newEmail, SampleEmail.ToUpperInvariant()), (change.Email, change.PreviousEmail));
        Assert.Equal(EmulatorOptions.SampleCustomerId, State.Store.V2Customers.FindByEmail(newEmail)!.CustomerId);
        Assert.Null(State.Store.V2Customers.FindByEmail(SampleEmail));
        var sent = OnlyRequest();
        Assert.Equal(("POST", MayarRoutes.UpdateCustomer), (sent.Method, sent.Path));
        Assert.Equal($"{{\"fromEmail\":\"{SampleEmail.ToUpperInvariant()}\",\"toEmail\":\"{newEmail}\"}}", sent.Body);
    }

    [Fact]
    public async Task An_email_no_customer_has_is_not_found_and_changes_nothing()
    {
        var error = await FailsAsync(() => Client().SendAsync(new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = "nobody@example.com", NewEmail = NewEmail() })));

        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
        Assert.Contains("Email nobody@example.com tidak terdaftar sebagai customer", error.Message, StringComparison.Ordinal);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.NotNull(State.Store.V2Customers.FindByEmail(SampleEmail));
    }

    [Fact]
    public async Task A_lost_answer_is_not_sent_again_and_says_a_rerun_answers_not_found()
    {
        var newEmail = NewEmail();
        Fault(new FaultRule { Path = MayarRoutes.UpdateCustomer, Kind = "drop-after" });

        var error = await FailsAsync(() => Client(maxRetries: 4).SendAsync(new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = SampleEmail, NewEmail = newEmail })));

        // The emulator applied it once; the client neither claims it nor sends it again.
        Assert.Equal(EmulatorOptions.SampleCustomerId, State.Store.V2Customers.FindByEmail(newEmail)!.CustomerId);
        Assert.Single(Log);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Equal(RepeatAnswer.NotFound, error.RepeatAnswer);
        Assert.Contains("Mayar.NotFound", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Get-MayarCustomer -Email <new address>", error.RecommendedAction, StringComparison.Ordinal);

        // The re-run the advice promises: NotFound, and still one change.
        var rerun = await FailsAsync(() => Client().SendAsync(new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = SampleEmail, NewEmail = newEmail })));
        Assert.Equal(MayarErrorKind.NotFound, rerun.Kind);
        Assert.Equal(EmulatorOptions.SampleCustomerId, State.Store.V2Customers.FindByEmail(newEmail)!.CustomerId);
    }

    [Theory]
    [InlineData(null, "new@example.com", "Email")]
    [InlineData("not-an-email", "new@example.com", "Email")]
    [InlineData(SampleEmail, "", "NewEmail")]
    [InlineData(SampleEmail, "JohnDoe.Sample@Example.com", "NewEmail")]
    public void Bad_input_names_its_property_and_sends_nothing(string? email, string? newEmail, string parameter)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new SetCustomerEmailRequest { Email = email, NewEmail = newEmail }.Validate());

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(Log);
    }

    [Fact]
    public void It_is_declared_a_write_without_data_whose_rerun_answers_not_found()
    {
        var endpoint = new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = SampleEmail, NewEmail = NewEmail() }).Endpoint;

        Assert.Equal((MayarRetryRule.OnlyIfNotReceived, RepeatAnswer.NotFound, false), (endpoint.RetryRule, endpoint.RepeatAnswer, endpoint.ReturnsData));
    }

    private static string NewEmail() => $"john.{Guid.NewGuid():N}@example.com";
}
