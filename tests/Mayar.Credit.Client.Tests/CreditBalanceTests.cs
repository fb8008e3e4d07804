using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

public sealed class CreditBalanceTests : EmulatorTest
{
    public CreditBalanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Reads_the_seed_example_shape()
    {
        var balance = await Client().GetCreditBalanceAsync(Sample);

        Assert.Equal(30001m, balance.Balance);
        Assert.Equal(29501m, balance.MainBalance);
        Assert.Equal(500m, balance.AddonBalance);
        Assert.Equal(EmulatorOptions.SampleCustomerId, balance.CustomerId);
        Assert.Equal(EmulatorOptions.SampleProductId, balance.ProductId);
    }

    [Fact]
    public async Task Trial_credit_is_add_on_and_the_total_is_main_plus_add_on()
    {
        var product = NewProduct();
        var customer = await RegisterAsync(product, trialCredit: 300);
        State.Store.AddCredit(customer.CustomerId, product, 1000, CreditWallet.Main, LedgerEntryType.AdminCredit);

        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = customer.CustomerId, ProductId = product });

        Assert.Equal(1300m, balance.Balance);
        Assert.Equal(1000m, balance.MainBalance);
        Assert.Equal(300m, balance.AddonBalance);
    }

    [Fact]
    public async Task Sends_both_ids_in_the_query_in_canonical_form()
    {
        var query = new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleCustomerId.ToUpperInvariant(), ProductId = " " + EmulatorOptions.SampleProductId + " " };
        await Client().GetCreditBalanceAsync(query);

        var request = OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal(MayarRoutes.CreditBalance, request.Path);
        Assert.Equal($"?customerId={EmulatorOptions.SampleCustomerId}&productId={EmulatorOptions.SampleProductId}", request.Query);
        Assert.Equal(string.Empty, request.Body);
    }

    [Theory]
    [InlineData("customerBalanceMain", "seed", false)]
    [InlineData("customerMainBalance", "data", false)]
    [InlineData("customerBalanceMain", "data", true)]
    [InlineData("customerMainBalance", "root", true)]
    public async Task Reads_every_documented_variant(string mainField, string wrapper, bool numbersAsStrings)
    {
        Variants(v =>
        {
            v.BalanceMainField = mainField;
            v.Wrapper = wrapper;
            v.NumbersAsStrings = numbersAsStrings;
            v.MessageKey = "messages";
        });

        var balance = await Client().GetCreditBalanceAsync(Sample);

        Assert.Equal(30001m, balance.Balance);
        Assert.Equal(29501m, balance.MainBalance);
        Assert.Equal(500m, balance.AddonBalance);
    }

    // A well-formed id the emulator does not hold, in the sample product.
    private static GetCreditBalanceRequest UnknownCustomer => new() { CustomerId = "11111111-1111-4111-8111-111111111111", ProductId = EmulatorOptions.SampleProductId };

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(UnknownCustomer));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
        Assert.Equal("Mayar.NotFound", error.ErrorId);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("GET", error.Method);
        Assert.Equal(MayarRoutes.CreditBalance, error.Path);
        Assert.DoesNotContain("customerId=", error.Message);
    }

    [Fact]
    public async Task Not_found_sent_as_http_200_is_still_not_found()
    {
        Variants(v => v.ErrorsAsHttp200 = true);
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(UnknownCustomer));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
        Assert.Equal(200, error.HttpStatusCode);
    }

    [Fact]
    public async Task A_missing_total_is_computed_from_main_and_add_on()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\",\"customerBalanceMain\":\"12.5\",\"customerBalanceAddon\":7.25}" });
        var balance = await Client().GetCreditBalanceAsync(Sample);
        Assert.Equal(19.75m, balance.Balance);
        Assert.Equal(12.5m, balance.MainBalance);
    }

    [Fact]
    public async Task Membership_balances_read_the_membership_wallet_as_main()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 200, Body = "{\"statusCode\":200,\"messages\":\"success\",\"data\":{\"customerBalance\":50990,\"customerBalanceMembership\":0,\"customerBalanceAddon\":50990}}" });
        var balance = await Client().GetCreditBalanceAsync(Sample);
        Assert.Equal(50990m, balance.Balance);
        Assert.Equal(0m, balance.MainBalance);
        Assert.Equal(50990m, balance.AddonBalance);
        Assert.Equal(0m, balance.MembershipBalance);
    }

    [Fact]
    public async Task A_body_without_balances_is_an_invalid_response()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\"}" });
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task A_balance_of_the_wrong_type_is_an_invalid_response()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditBalance, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\",\"customerBalance\":true}" });
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("customerBalance", error.Message);
    }

    [Fact]
    public async Task Balances_change_with_add_credit_and_spend()
    {
        // The emulator's add-credit and spend endpoints, driven over HTTP like any client would.
        var product = NewProduct();
        var customer = await RegisterAsync(product, trialCredit: 100);
        State.Store.AddCredit(customer.CustomerId, product, 50, CreditWallet.Main, LedgerEntryType.AdminCredit);
        using var http = RawHttp();
        var add = await http.PostAsync("credit/v1/credit/customer/add-credit", new System.Net.Http.StringContent($"{{\"customerId\":\"{customer.CustomerId}\",\"productId\":\"{product}\",\"amount\":25}}"));
        var spend = await http.PostAsync("credit/v1/credit/customer/spend", new System.Net.Http.StringContent($"{{\"customerId\":\"{customer.CustomerId}\",\"productId\":\"{product}\",\"amount\":60}}"));
        Assert.Contains("\"customerBalance\":175", await add.Content.ReadAsStringAsync());
        Assert.Contains("Successfully spent 60. MAIN: 50, ADD_ON: 10", await spend.Content.ReadAsStringAsync());

        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = customer.CustomerId, ProductId = product });
        Assert.Equal(115m, balance.Balance);
        Assert.Equal(0m, balance.MainBalance);
        Assert.Equal(115m, balance.AddonBalance);
    }

    private static GetCreditBalanceRequest SampleMember => new()
    {
        MemberId = EmulatorOptions.SampleMemberId,
        MembershipTierId = EmulatorOptions.MembershipTierId,
        ProductId = EmulatorOptions.MembershipProductId,
    };

    [Fact]
    public async Task A_member_balance_sends_tier_and_member_id_but_no_customer_id()
    {
        var query = SampleMember;
        query.MemberId = " 3scdi9zq ";
        query.MembershipTierId = EmulatorOptions.MembershipTierId.ToUpperInvariant();
        var balance = await Client().GetCreditBalanceAsync(query);

        var request = OnlyRequest();
        Assert.Equal($"?productId={EmulatorOptions.MembershipProductId}&membershipTierId={EmulatorOptions.MembershipTierId}&memberId={EmulatorOptions.SampleMemberId}", request.Query);
        Assert.Equal(1500m, balance.Balance);
        Assert.Equal(1200m, balance.MembershipBalance);
        Assert.Equal(1200m, balance.MainBalance);
        Assert.Equal(300m, balance.AddonBalance);
        Assert.Equal(EmulatorOptions.SampleMemberId, balance.MemberId);
        Assert.Equal(EmulatorOptions.MembershipTierId, balance.MembershipTierId);
        Assert.Equal(EmulatorOptions.MembershipProductId, balance.ProductId);
    }

    [Fact]
    public async Task A_customer_id_with_a_tier_reads_the_membership_account()
    {
        var query = new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleMemberCustomerId, MembershipTierId = EmulatorOptions.MembershipTierId, ProductId = EmulatorOptions.MembershipProductId };
        var balance = await Client().GetCreditBalanceAsync(query);

        Assert.Equal($"?customerId={EmulatorOptions.SampleMemberCustomerId}&productId={EmulatorOptions.MembershipProductId}&membershipTierId={EmulatorOptions.MembershipTierId}", OnlyRequest().Query);
        Assert.Equal(1200m, balance.MembershipBalance);
        Assert.Equal(EmulatorOptions.SampleMemberCustomerId, balance.CustomerId);
        Assert.Null(balance.MemberId);
    }

    [Fact]
    public async Task Data_wrapped_member_fields_are_read()
    {
        Variants(v => v.Wrapper = "data");
        var query = new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleMemberCustomerId, MembershipTierId = EmulatorOptions.MembershipTierId, ProductId = EmulatorOptions.MembershipProductId };
        var balance = await Client().GetCreditBalanceAsync(query);

        Assert.Equal(EmulatorOptions.SampleMemberId, balance.MemberId);
        Assert.Equal(EmulatorOptions.MembershipTierId, balance.MembershipTierId);
        Assert.Equal(1200m, balance.MembershipBalance);
    }

    [Fact]
    public async Task A_member_registered_in_the_store_reads_its_membership_wallet()
    {
        var member = State.Store.RegisterMember(EmulatorOptions.MembershipProductId, EmulatorOptions.SecondMembershipTierId, "m", "member.balance@example.com", "0811", 3, 40m)!;
        State.Store.AddMemberCredit(member.MemberId!, 60m, CreditWallet.Main);

        var balance = await Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { MemberId = member.MemberId, MembershipTierId = EmulatorOptions.SecondMembershipTierId, ProductId = EmulatorOptions.MembershipProductId });

        Assert.Equal(100m, balance.Balance);
        Assert.Equal(60m, balance.MembershipBalance);
        Assert.Equal(40m, balance.AddonBalance);
    }

    [Fact]
    public async Task A_member_of_another_tier_is_not_found()
    {
        var query = SampleMember;
        query.MembershipTierId = EmulatorOptions.SecondMembershipTierId;
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(query));
        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_credit_usage_balance_has_no_membership_balance()
    {
        var balance = await Client().GetCreditBalanceAsync(Sample);
        Assert.Null(balance.MembershipBalance);
        Assert.Null(balance.MemberId);
        Assert.Null(balance.MembershipTierId);
    }

    [Theory]
    [InlineData("3SCDI9Z", EmulatorOptions.MembershipTierId, "MemberId")]
    [InlineData("3SCDI9Z-", EmulatorOptions.MembershipTierId, "MemberId")]
    [InlineData("3SCDI9ZQ", null, "MembershipTierId")]
    [InlineData("3SCDI9ZQ", "tier-1", "MembershipTierId")]
    public void Member_queries_are_validated_before_sending(string memberId, string? tierId, string parameter)
    {
        var query = new GetCreditBalanceRequest { MemberId = memberId, MembershipTierId = tierId, ProductId = EmulatorOptions.MembershipProductId };
        var error = Assert.Throws<MayarArgumentException>(() => query.Validate());
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Without_a_member_id_the_customer_id_is_required_and_a_tier_must_be_a_uuid()
    {
        Assert.Equal("CustomerId", Assert.Throws<MayarArgumentException>(() => new GetCreditBalanceRequest { ProductId = EmulatorOptions.MembershipProductId, MembershipTierId = EmulatorOptions.MembershipTierId }.Validate()).ParamName);
        Assert.Equal("MembershipTierId", Assert.Throws<MayarArgumentException>(() => new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, MembershipTierId = "x" }.Validate()).ParamName);
    }
}
