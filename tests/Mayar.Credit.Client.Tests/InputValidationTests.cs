using System;
using System.Collections;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Every rule refuses bad input before anything is sent, naming the parameter.</summary>
public sealed class InputValidationTests : EmulatorTest
{
    private const string Product = EmulatorOptions.DefaultProductId;

    public InputValidationTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<MayarArgumentException> RefusedAsync(Func<Task> call, string parameter)
    {
        var error = await Assert.ThrowsAsync<MayarArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith("-" + parameter + " ", error.Message);
        Assert.Empty(Log);
        return error;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-uuid")]
    [InlineData("43eadce2bc524e38a83293fb835f2a69")]
    [InlineData("43eadce2-bc52-4e38-a832-93fb835f2a69&x=1")]
    [InlineData("43eadce2-bc52-4e38-a832-93fb835f2a6/")]
    public async Task Register_refuses_a_product_id_that_is_not_a_uuid(string? productId)
    {
        var request = Registration(Product);
        request.ProductId = productId;
        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "ProductId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    [InlineData("John\nDoe")]
    public async Task Register_refuses_a_blank_or_control_character_name(string? name)
    {
        var request = Registration(Product);
        request.Name = name;
        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "Name");
    }

    [Fact]
    public async Task Register_refuses_a_name_over_250_characters()
    {
        var request = Registration(Product);
        request.Name = new string('a', 251);
        var error = await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "Name");
        Assert.Contains("250", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a@@b.com")]
    [InlineData("a b@c.com")]
    [InlineData("a@b..com")]
    [InlineData(".a@b.com")]
    [InlineData("a@-b.com")]
    [InlineData("a@1.2.3.4")]
    [InlineData("a@b.c")]
    [InlineData("\"quoted\"@example.com")]
    public async Task Register_refuses_an_email_that_is_not_an_address(string email)
    {
        var request = Registration(Product);
        request.Email = email;
        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "Email");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("+1234567")]
    [InlineData("0877-777-abc")]
    [InlineData("1234567890123456")]
    [InlineData("++6281234567")]
    [InlineData("62+81234567")]
    public async Task Register_refuses_a_mobile_outside_8_to_15_digits(string mobile)
    {
        var request = Registration(Product);
        request.Mobile = mobile;
        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "Mobile");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    public async Task Register_refuses_trial_credit_that_is_negative_fractional_or_too_large(string credit)
    {
        var request = Registration(Product, trialCredit: decimal.Parse(credit, System.Globalization.CultureInfo.InvariantCulture));
        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(request), "TrialCredit");
    }

    [Theory]
    [InlineData("Tanzania", "did you mean 'TZ'?")]
    [InlineData("indonesia", "did you mean 'ID'?")]
    [InlineData("United States", "did you mean 'US'?")]
    [InlineData("IDN", "did you mean 'ID'?")]
    [InlineData("XX", "two-letter ISO 3166-1")]
    [InlineData("T", "two-letter ISO 3166-1")]
    public async Task Create_refuses_a_country_that_is_not_an_iso_code_with_a_hint(string country, string expected)
    {
        var error = await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", Country = country }), "Country");
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("")]
    public async Task Create_refuses_a_status_outside_the_set(string status)
    {
        await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", Status = status }), "Status");
    }

    [Fact]
    public async Task Create_refuses_a_phone_with_letters()
    {
        await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", Phone = "call me" }), "Phone");
    }

    [Fact]
    public async Task Create_refuses_custom_data_that_json_cannot_carry_and_names_the_key()
    {
        var data = new Hashtable { ["tier"] = new Hashtable { ["since"] = new object() } };
        var error = await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", CustomData = data }), "CustomData.tier.since");
        Assert.Contains("System.Object", error.Message);
    }

    [Fact]
    public async Task Create_refuses_not_a_number_in_custom_data()
    {
        var data = new Hashtable { ["score"] = double.NaN };
        await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", CustomData = data }), "CustomData.score");
    }

    [Fact]
    public async Task Create_refuses_custom_data_that_contains_itself()
    {
        var data = new Hashtable();
        data["self"] = data;
        var error = await Assert.ThrowsAsync<MayarArgumentException>(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", CustomData = data }));
        Assert.StartsWith("CustomData.self.self", error.ParamName);
        Assert.Contains("nests deeper than 16 levels", error.Message);
        Assert.Empty(Log);
    }

    [Fact]
    public async Task Create_refuses_custom_data_with_a_non_string_key()
    {
        var data = new Hashtable { [42] = "x" };
        await RefusedAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com", CustomData = data }), "CustomData");
    }

    [Theory]
    [InlineData("", EmulatorOptions.SampleProductId, "CustomerId")]
    [InlineData("cus_01h3vjs3b16yc3f9q8q9pfrb80", EmulatorOptions.SampleProductId, "CustomerId")]
    [InlineData(EmulatorOptions.SampleCustomerId, "a b", "ProductId")]
    [InlineData(EmulatorOptions.SampleCustomerId, "43eadce2-bc52-4e38-a832-93fb835f2a69#", "ProductId")]
    public async Task Balance_refuses_ids_that_are_not_uuids(string customerId, string productId, string parameter)
    {
        await RefusedAsync(() => Client().GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = customerId, ProductId = productId }), parameter);
    }

    public static TheoryData<object> NotWholeNumbers() => new()
    {
        true, false, "1e3", "1E3", "1.5", "1000.0", "", "   ", "12abc", "-5", "+5", "0x10", "1,000", "1 000", "١٢", 1.5d, 0.5f, -5, 0,
        double.NaN, double.PositiveInfinity, 1e300, 'c', new object[] { 1 }, "99999999999999999999999999999999",
    };

    [Theory]
    [MemberData(nameof(NotWholeNumbers))]
    public async Task A_credit_movement_refuses_an_amount_that_is_not_a_whole_number_of_1_or_more(object value)
    {
        var amount = (decimal)InvariantNumber.ConvertWholeArgument(value)!;
        var request = new CreditMovementRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, Amount = amount };

        var add = await RefusedAsync(() => Client().AddCreditAsync(request), "Amount");
        var spend = await RefusedAsync(() => Client().SpendCreditAsync(request), "Amount");

        Assert.StartsWith("-Amount must be a whole number", add.Message);
        Assert.Equal(add.Message, spend.Message);
    }

    [Theory]
    [InlineData(true, "a boolean")]
    [InlineData("1e3", "an exponent")]
    [InlineData("", "blank text")]
    [InlineData("12abc", "not digits")]
    [InlineData("0x10", "hexadecimal")]
    [InlineData("-5", "a sign")]
    [InlineData("1.5", "decimal point")]
    public async Task The_refusal_names_the_parameter_the_rule_and_what_was_given(object value, string what)
    {
        var request = new CreditMovementRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, Amount = (decimal)InvariantNumber.ConvertWholeArgument(value)! };

        var error = await RefusedAsync(() => Client().AddCreditAsync(request), "Amount");

        Assert.StartsWith("-Amount " + InvariantNumber.WholeNumberRule + ", not ", error.Message);
        Assert.Contains(what, error.Message);
    }

    [Theory]
    [InlineData("1000", 1000)]
    [InlineData(" 42\t", 42)]
    [InlineData("007", 7)]
    [InlineData(1000, 1000)]
    [InlineData(1000L, 1000)]
    [InlineData(1000.0d, 1000)]
    [InlineData((byte)5, 5)]
    public void Whole_numbers_pass_as_decimals(object value, int expected) =>
        Assert.Equal((decimal)expected, InvariantNumber.ConvertWholeArgument(value));

    [Fact]
    public void Big_integers_and_decimals_without_a_fraction_pass()
    {
        Assert.Equal(1000m, InvariantNumber.ConvertWholeArgument(new System.Numerics.BigInteger(1000)));
        Assert.Equal(1000m, InvariantNumber.ConvertWholeArgument(1000.00m));
        Assert.Null(InvariantNumber.ConvertWholeArgument(null));
    }

    [Fact]
    public async Task Trial_credit_and_credit_amount_refuse_the_same_and_name_themselves()
    {
        var marker = (decimal)InvariantNumber.ConvertWholeArgument("1e3")!;

        await RefusedAsync(() => Client().RegisterCreditCustomerAsync(Registration(Product, trialCredit: marker)), "TrialCredit");
        await RefusedAsync(() => Client().RegisterMembershipCustomerAsync(MembershipRegistration(EmulatorOptions.MembershipTierId, trialCredit: (decimal)InvariantNumber.ConvertWholeArgument(true)!)), "TrialCredit");
        await RefusedAsync(() => Client().NewCreditCheckoutAsync(Checkout(Product, creditAmount: marker)), "CreditAmount");
    }

    [Fact]
    public async Task Blank_trial_credit_is_not_given()
    {
        var blank = (decimal)InvariantNumber.ConvertWholeArgument(" ")!;

        var registered = await Client().RegisterCreditCustomerAsync(Registration(Product, trialCredit: blank));

        Assert.Equal(Product, registered.ProductId);
        Assert.DoesNotContain("trial", Log.Single().Body ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("(0877) 777-7777", "08777777777")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("081234567", "081234567")]
    public void Phone_numbers_lose_their_separators(string input, string expected) =>
        Assert.Equal(expected, MayarInputRules.Phone(input, "Mobile"));

    [Theory]
    [InlineData("tz", "TZ")]
    [InlineData(" id ", "ID")]
    public void Country_codes_are_upper_cased(string input, string expected) =>
        Assert.Equal(expected, MayarInputRules.Country(input, "Country"));

    [Theory]
    [InlineData("josé@example.com")]
    [InlineData("siti.nurhaliza+promo@contoh.co.id")]
    [InlineData("用户@例子.广告")]
    [InlineData("o'brien@example.ie")]
    public void Unicode_and_plus_addresses_are_emails(string email) =>
        Assert.Equal(email, MayarInputRules.Email(email, "Email"));

    [Fact]
    public void Uuids_are_sent_in_lower_case_canonical_form() =>
        Assert.Equal("43eadce2-bc52-4e38-a832-93fb835f2a69", MayarInputRules.Uuid(" 43EADCE2-BC52-4E38-A832-93FB835F2A69 ", "ProductId"));

    [Fact]
    public void Status_is_sent_in_lower_case() => Assert.Equal("active", MayarInputRules.Status("ACTIVE", "Status"));
}
