using System;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

public sealed class RegisterMembershipCustomerTests : EmulatorTest
{
    public RegisterMembershipCustomerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Sends_the_documented_body_to_the_membership_route()
    {
        await Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.MembershipTierId, "jane.member@example.com", 6, 25));

        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(MayarRoutes.RegisterMembershipCustomer, request.Path);
        Assert.Equal(
            $"{{\"productId\":\"{EmulatorOptions.MembershipProductId}\",\"membershipTierId\":\"{EmulatorOptions.MembershipTierId}\",\"membershipMonthlyPeriod\":6,\"trialCredit\":25,\"customerInfo\":{{\"name\":\"Jane Member\",\"email\":\"jane.member@example.com\",\"mobile\":\"08123456789\"}}}}",
            request.Body);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("data")]
    [InlineData("root")]
    public async Task Returns_the_member_id_next_payment_and_link_and_the_balance_reads_it(string wrapper)
    {
        Variants(v => v.Wrapper = wrapper);
        var before = DateTimeOffset.UtcNow;
        var result = await Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.SecondMembershipTierId, period: 3, trialCredit: 40));

        var member = State.Store.FindMember(EmulatorOptions.MembershipProductId, EmulatorOptions.SecondMembershipTierId, result.MemberId, null)!;
        Assert.Matches("^[A-Z0-9]{8}$", result.MemberId);
        Assert.Equal(member.CustomerId, result.CustomerId);
        Assert.Equal(EmulatorOptions.MembershipProductId, result.ProductId);
        Assert.Equal(EmulatorOptions.SecondMembershipTierId, result.MembershipTierId);
        Assert.Equal(3, result.MonthlyPeriod);
        Assert.Equal(member.NextPaymentMs, result.NextPayment!.Value.ToUnixTimeMilliseconds());
        Assert.InRange(result.NextPayment.Value, before.AddMonths(3).AddSeconds(-5), DateTimeOffset.UtcNow.AddMonths(3).AddSeconds(5));
        Assert.EndsWith(result.MemberId!, result.PaymentLinkUrl);
        Assert.Equal(40m, result.TrialCredit);

        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { MemberId = result.MemberId, MembershipTierId = result.MembershipTierId, ProductId = result.ProductId });
        Assert.Equal(0m, balance.MembershipBalance);
        Assert.Equal(40m, balance.AddonBalance);
    }

    [Fact]
    public async Task Reads_the_root_form_with_an_iso_next_payment_and_the_link_in_the_record()
    {
        Fault(new FaultRule
        {
            Path = MayarRoutes.RegisterMembershipCustomer,
            Status = 200,
            Body = "{\"statusCode\":200,\"message\":\"success\",\"membershipCustomer\":{\"id\":\"a1\",\"userId\":\"u1\",\"paymentLinkId\":\"" + EmulatorOptions.MembershipProductId + "\",\"createdAt\":1700000000000,\"nextPayment\":\"2026-03-01T00:00:00.000Z\",\"isLifetimePeriod\":false,\"paymentLink\":{\"id\":\"" + EmulatorOptions.MembershipProductId + "\",\"link\":\"https://pay.example/m\"}}}",
        });
        var result = await Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.MembershipTierId));

        Assert.Null(result.MemberId);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), result.NextPayment);
        Assert.Equal("https://pay.example/m", result.PaymentLinkUrl);
        Assert.Equal(EmulatorOptions.MembershipTierId, result.MembershipTierId);
    }

    [Fact]
    public async Task A_second_registration_of_the_email_in_the_tier_is_a_conflict_but_another_tier_is_not()
    {
        await Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.MembershipTierId, "twice@example.com"));
        var error = await FailsAsync(() => Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.MembershipTierId, "twice@example.com")));
        Assert.Equal(MayarErrorKind.Conflict, error.Kind);
        Assert.Equal("Mayar.Conflict", error.ErrorId);
        Assert.Contains("sudah terdaftar pada tier ini", error.Message);

        var other = await Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.SecondMembershipTierId, "twice@example.com"));
        Assert.NotNull(other.MemberId);
    }

    [Fact]
    public async Task An_unknown_tier_is_not_your_product()
    {
        var error = await FailsAsync(() => Client().RegisterMembershipCustomerAsync(MembershipRegistration("11111111-1111-4111-8111-111111111111")));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("not authorized", error.Message);
    }

    [Theory]
    [InlineData(2, "MonthlyPeriod")]
    [InlineData(null, "MonthlyPeriod")]
    public void The_period_is_one_of_1_3_6_12(int? period, string parameter)
    {
        var request = MembershipRegistration(EmulatorOptions.MembershipTierId);
        request.MonthlyPeriod = period;
        Assert.Equal(parameter, Assert.Throws<MayarArgumentException>(() => request.Validate()).ParamName);
    }

    [Fact]
    public void The_tier_is_a_uuid()
    {
        var request = MembershipRegistration("gold");
        Assert.Equal("MembershipTierId", Assert.Throws<MayarArgumentException>(() => request.Validate()).ParamName);
    }
}
