using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>docs/api/mayar-api.md C6: the immutable checkout link, its documented shapes and its input rules.</summary>
public sealed class CreditCheckoutTests : EmulatorTest
{
    public CreditCheckoutTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Returns_the_checkout_and_payment_link_urls_and_the_inputs()
    {
        var product = NewProduct();
        var request = EmulatorTest.Checkout(product, 1000);
        var result = await Client().NewCreditCheckoutAsync(request);

        Assert.Equal(product, result.ProductId);
        Assert.Equal(request.Email, result.Email);
        Assert.Equal("John Doe", result.Name);
        Assert.Equal("08777777777", result.Mobile);
        Assert.Equal(1000m, result.CreditAmount);
        Assert.Empty(result.Tiers);
        Assert.StartsWith(result.PaymentLinkUrl + "?immutable=", result.CheckoutUrl);
        Assert.StartsWith("https://", result.PaymentLinkUrl);
        var issued = Assert.Single(State.Store.Checkouts.Issued());
        Assert.Equal((product, request.Email, (decimal?)1000m), (issued.ProductId, issued.Email, issued.CreditAmount));
    }

    [Fact]
    public async Task The_token_is_base64_json_of_the_buyer_a_dot_and_64_hex_characters()
    {
        var request = EmulatorTest.Checkout(NewProduct(), 20000);
        var result = await Client().NewCreditCheckoutAsync(request);

        using var buyer = Token(result.CheckoutUrl!);
        Assert.Equal(new[] { "name", "email", "mobile", "creditAmount" }, buyer.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(request.Email, buyer.RootElement.GetProperty("email").GetString());
        Assert.Equal(20000, buyer.RootElement.GetProperty("creditAmount").GetInt32());
    }

    [Fact]
    public async Task Sends_exactly_the_documented_body()
    {
        var product = NewProduct();
        await Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(product, 1000));

        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(MayarRoutes.CreditCheckout, request.Path);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(new[] { "productId", "creditAmount", "customerInfo" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(product, root.GetProperty("productId").GetString());
        Assert.Equal("1000", root.GetProperty("creditAmount").GetRawText());
        Assert.Equal(new[] { "name", "email", "mobile" }, root.GetProperty("customerInfo").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Omits_the_credit_amount_when_not_given()
    {
        var result = await Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(NewProduct(), null));

        using var body = JsonDocument.Parse(OnlyRequest().Body);
        Assert.False(body.RootElement.TryGetProperty("creditAmount", out _));
        Assert.Null(result.CreditAmount);
        Assert.NotNull(result.CheckoutUrl);
    }

    [Fact]
    public async Task Reads_the_v2_tab_shape_wrapped_in_data()
    {
        Variants(v => v.Wrapper = "data");
        var result = await Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(NewProduct()));

        Assert.Contains("?immutable=", result.CheckoutUrl);
        Assert.NotNull(result.PaymentLinkUrl);
    }

    [Fact]
    public async Task Reads_the_membership_shape_with_a_link_per_tier()
    {
        Variants(v => v.MembershipCheckout = true);
        var product = NewProduct();
        var result = await Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(product, null));

        Assert.Null(result.CheckoutUrl);
        Assert.Equal(2, result.Tiers.Select(t => t.MembershipTierId).Distinct().Count());
        Assert.All(result.Tiers, t =>
        {
            Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), t.MembershipTierId);
            Assert.StartsWith(result.PaymentLinkUrl + "?immutable=", t.CheckoutUrl);
            using var buyer = Token(t.CheckoutUrl);
            Assert.Equal(t.MembershipTierId, buyer.RootElement.GetProperty("membershipTierId").GetString());
        });
    }

    [Fact]
    public async Task Reads_the_plural_messages_variant_and_numbers_as_strings()
    {
        Variants(v =>
        {
            v.MessageKey = "messages";
            v.NumbersAsStrings = true;
        });
        var result = await Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(NewProduct()));
        Assert.NotNull(result.CheckoutUrl);
    }

    [Fact]
    public async Task A_product_of_another_merchant_is_refused_by_the_api()
    {
        var error = await FailsAsync(() => Client().NewCreditCheckoutAsync(EmulatorTest.Checkout("00000000-0000-4000-8000-000000000000")));

        Assert.Equal(MayarErrorKind.Validation, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("You are not authorized to edit this product!", error.ServerMessage);
        Assert.Contains("POST /credit/v1/credit/generate/immutable/checkout", error.Message);
        Assert.Empty(State.Store.Checkouts.Issued());
    }

    [Fact]
    public async Task The_emulator_answers_a_bad_body_with_a_validation_error()
    {
        using var http = RawHttp();
        var response = await http.PostAsync(MayarRoutes.CreditCheckout.TrimStart('/'), new System.Net.Http.StringContent(
            "{\"productId\":\"" + NewProduct() + "\",\"creditAmount\":0,\"customerInfo\":{\"name\":\"A\",\"email\":\"not-an-email\"}}",
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = body.RootElement.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Equal(new[] { "creditAmount", "customerInfo.mobile", "customerInfo.email" }, fields);
    }

    [Fact]
    public async Task A_response_without_any_link_is_an_invalid_response()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditCheckout, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\",\"paymentLinkUrl\":\"https://x.myr.id/pl/a\"}" });
        var error = await FailsAsync(() => Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(NewProduct())));

        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("creditUsageImmutableCheckoutUrl", error.Message);
    }

    [Fact]
    public async Task A_tier_without_a_link_is_an_invalid_response()
    {
        Fault(new FaultRule { Path = MayarRoutes.CreditCheckout, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\",\"data\":{\"membershipTiers\":[{\"id\":\"t1\"}]}}" });
        var error = await FailsAsync(() => Client().NewCreditCheckoutAsync(EmulatorTest.Checkout(NewProduct())));

        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("specificPaymentLinkUrl", error.Message);
    }

    [Fact]
    public void Is_a_write_that_is_not_repeated() =>
        Assert.Equal(RepeatAnswer.Duplicate, new NewCreditCheckoutOperation(EmulatorTest.Checkout(NewGuid())).RepeatAnswer);

    [Theory]
    [InlineData(null, "ProductId", "is required.")]
    [InlineData("43eadce2", "ProductId", "must be a UUID")]
    public void Refuses_a_product_id_that_is_not_a_uuid(string? productId, string parameter, string rule)
    {
        var request = EmulatorTest.Checkout(NewGuid());
        request.ProductId = productId;
        AssertRefused(request, parameter, rule);
    }

    [Theory]
    [InlineData("Name", null, "is required.")]
    [InlineData("Name", "  ", "must not be empty")]
    [InlineData("Name", "A\tB", "control characters")]
    [InlineData("Email", "john", "must be an email address")]
    [InlineData("Email", "john@localhost", "must be an email address")]
    [InlineData("Mobile", "0812", "must have 8 to 15 digits")]
    [InlineData("Mobile", "0812-abc-999", "must be a phone number")]
    public void Refuses_a_bad_name_email_or_mobile(string parameter, string? value, string rule)
    {
        var request = EmulatorTest.Checkout(NewGuid());
        typeof(NewCreditCheckoutRequest).GetProperty(parameter)!.SetValue(request, value);
        AssertRefused(request, parameter, rule);
    }

    [Theory]
    [InlineData("0", "must be 1 or more, not 0.")]
    [InlineData("-5", "must be 1 or more")]
    [InlineData("10.5", "must be a whole number")]
    [InlineData("2147483648", "must be at most 2147483647")]
    public void Refuses_a_credit_amount_that_is_not_a_positive_whole_number(string amount, string rule)
    {
        var request = EmulatorTest.Checkout(NewGuid(), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        AssertRefused(request, "CreditAmount", rule);
    }

    [Fact]
    public async Task A_refused_input_sends_nothing()
    {
        var request = EmulatorTest.Checkout(NewProduct(), 0);
        await Assert.ThrowsAsync<MayarArgumentException>(() => Client().NewCreditCheckoutAsync(request));
        Assert.Empty(Log);
    }

    /// <summary>The buyer JSON of a link's token, after checking the token's form: base64, '.', 64 hex characters.</summary>
    private static JsonDocument Token(string url)
    {
        var token = Uri.UnescapeDataString(url.Substring(url.IndexOf("?immutable=", StringComparison.Ordinal) + 11));
        var parts = token.Split('.');
        Assert.Equal(2, parts.Length);
        Assert.Matches(new Regex("^[0-9a-f]{64}$"), parts[1]);
        return JsonDocument.Parse(Convert.FromBase64String(parts[0]));
    }

    private static string NewGuid() => Guid.NewGuid().ToString();

    private static void AssertRefused(NewCreditCheckoutRequest request, string parameter, string rule)
    {
        var error = Assert.Throws<MayarArgumentException>(request.Validate);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(rule, error.Message);
    }
}
