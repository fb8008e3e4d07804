using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

public sealed class RegisterCreditCustomerTests : EmulatorTest
{
    public RegisterCreditCustomerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Registers_and_returns_the_ids_and_the_inputs()
    {
        var product = NewProduct();
        var result = await Client().RegisterCreditCustomerAsync(Registration(product, "jane@example.com", 300));

        var account = Assert.Single(State.Store.Accounts.All(), a => a.ProductId == product);
        Assert.Equal(account.CustomerId, result.CustomerId);
        Assert.Equal(product, result.ProductId);
        Assert.Equal("jane@example.com", result.Email);
        Assert.Equal("John Doe", result.Name);
        Assert.Equal("08777777777", result.Mobile);
        Assert.Equal(300m, result.TrialCredit);
        Assert.Equal(300m, account.AddOn);
        Assert.Equal(0m, account.Main);
    }

    [Fact]
    public async Task Sends_exactly_the_documented_body_and_headers()
    {
        var product = NewProduct();
        await Client().RegisterCreditCustomerAsync(Registration(product, "jane@example.com", 300));

        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(MayarRoutes.RegisterCreditCustomer, request.Path);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(new[] { "productId", "trialCredit", "customerInfo" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(product, root.GetProperty("productId").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("trialCredit").ValueKind);
        Assert.Equal("300", root.GetProperty("trialCredit").GetRawText());
        var info = root.GetProperty("customerInfo");
        Assert.Equal(new[] { "name", "email", "mobile" }, info.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.Equal("Mayar.Credit/" + MayarClient.ModuleVersion, request.Headers["User-Agent"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.True(request.Authorized);
    }

    [Fact]
    public async Task Omits_trial_credit_when_not_given()
    {
        await Client().RegisterCreditCustomerAsync(Registration(NewProduct()));

        using var body = JsonDocument.Parse(OnlyRequest().Body);
        Assert.False(body.RootElement.TryGetProperty("trialCredit", out _));
    }

    [Fact]
    public async Task Sends_the_mobile_without_separators_and_unicode_names_unchanged()
    {
        var request = Registration(NewProduct());
        request.Name = "Siti Nurhaliza Ağaoğlu 李";
        request.Mobile = "+62 (812) 3456-7890";
        var result = await Client().RegisterCreditCustomerAsync(request);

        using var body = JsonDocument.Parse(OnlyRequest().Body);
        var info = body.RootElement.GetProperty("customerInfo");
        Assert.Equal("Siti Nurhaliza Ağaoğlu 李", info.GetProperty("name").GetString());
        Assert.Equal("+6281234567890", info.GetProperty("mobile").GetString());
        Assert.Equal("+6281234567890", result.Mobile);
    }

    [Fact]
    public async Task Reads_the_field_list_shape_with_paymentLink_id_at_the_root()
    {
        Variants(v => v.Wrapper = "root");
        var product = NewProduct();
        var result = await Client().RegisterCreditCustomerAsync(Registration(product));

        Assert.Equal(product, result.ProductId);
        Assert.False(string.IsNullOrEmpty(result.CustomerId));
    }

    [Fact]
    public async Task Reads_the_plural_messages_variant()
    {
        Variants(v => v.MessageKey = "messages");
        var result = await Client().RegisterCreditCustomerAsync(Registration(NewProduct()));
        Assert.False(string.IsNullOrEmpty(result.CustomerId));
    }

    [Fact]
    public async Task A_second_registration_of_the_email_is_a_conflict()
    {
        var product = NewProduct();
        await Client().RegisterCreditCustomerAsync(Registration(product, "dup@example.com"));

        var error = await FailsAsync(() => Client().RegisterCreditCustomerAsync(Registration(product, "DUP@example.com")));

        Assert.Equal(MayarErrorKind.Conflict, error.Kind);
        Assert.Equal("Mayar.Conflict", error.ErrorId);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Email sudah terdaftar pada product ini.", error.ServerMessage);
        Assert.Equal(1, State.Store.Accounts.All().Count - 1); // the sample account plus one
    }

    [Fact]
    public async Task A_conflict_sent_as_http_200_is_still_a_conflict()
    {
        Variants(v => v.ErrorsAsHttp200 = true);
        var product = NewProduct();
        await Client().RegisterCreditCustomerAsync(Registration(product, "dup@example.com"));

        var error = await FailsAsync(() => Client().RegisterCreditCustomerAsync(Registration(product, "dup@example.com")));

        Assert.Equal(MayarErrorKind.Conflict, error.Kind);
        Assert.Equal(200, error.HttpStatusCode);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task The_same_email_in_two_products_is_one_customer()
    {
        var first = await Client().RegisterCreditCustomerAsync(Registration(NewProduct(), "two@example.com"));
        var second = await Client().RegisterCreditCustomerAsync(Registration(NewProduct(), "two@example.com"));
        Assert.Equal(first.CustomerId, second.CustomerId);
        Assert.NotEqual(first.ProductId, second.ProductId);
    }

    [Fact]
    public async Task An_unknown_product_is_refused_by_the_api()
    {
        var error = await FailsAsync(() => Client().RegisterCreditCustomerAsync(Registration("00000000-0000-4000-8000-000000000000")));
        Assert.Equal(MayarErrorKind.Validation, error.Kind);
        Assert.Equal("You are not authorized to edit this product!", error.ServerMessage);
        Assert.Contains("POST /credit/v1/credit/credit-usage/customer/regist", error.Message);
    }

    [Fact]
    public async Task A_response_without_customerId_is_an_invalid_response()
    {
        Fault(new FaultRule { Path = MayarRoutes.RegisterCreditCustomer, Status = 200, Body = "{\"statusCode\":200,\"message\":\"success\",\"data\":{}}" });
        var error = await FailsAsync(() => Client().RegisterCreditCustomerAsync(Registration(NewProduct())));
        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("customerId", error.Message);
    }
}
