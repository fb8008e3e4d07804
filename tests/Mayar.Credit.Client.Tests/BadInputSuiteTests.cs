using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The bad-input suite: each case is refused before anything is sent, with a message naming the parameter,
/// or — where the input is valid however odd — sent correctly (unicode kept, values normalised, query encoded).
/// </summary>
public sealed class BadInputSuiteTests : EmulatorTest
{
    private const string Product = EmulatorOptions.DefaultProductId;

    public BadInputSuiteTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>A case: the operation, how to spoil a valid input, and the parameter named — or, when valid, what the request must carry.</summary>
    private sealed record Case(string Operation, Action<RegisterCreditCustomerRequest>? Register, Action<NewCustomerRequest>? Create, Action<GetCreditBalanceRequest>? Balance, string? RefusedParameter, Action<RequestLogEntry>? Sent = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Register-MayarCustomer
        ["register: empty product id"] = Reg(r => r.ProductId = "", "ProductId"),
        ["register: whitespace product id"] = Reg(r => r.ProductId = "   ", "ProductId"),
        ["register: product id with &"] = Reg(r => r.ProductId = Product + "&productId=x", "ProductId"),
        ["register: product id with #"] = Reg(r => r.ProductId = Product + "#", "ProductId"),
        ["register: product id with ?"] = Reg(r => r.ProductId = Product + "?a=1", "ProductId"),
        ["register: product id with /"] = Reg(r => r.ProductId = "../" + Product, "ProductId"),
        ["register: product id with a space inside"] = Reg(r => r.ProductId = Product.Replace("-", " "), "ProductId"),
        ["register: upper-case product id with spaces around"] = Reg(r => r.ProductId = "  " + Product.ToUpperInvariant() + " ", null, Body("productId", Product)),
        ["register: empty name"] = Reg(r => r.Name = "", "Name"),
        ["register: whitespace name"] = Reg(r => r.Name = " \t ", "Name"),
        ["register: name over 250 characters"] = Reg(r => r.Name = new string('n', 251), "Name"),
        ["register: name with a line break"] = Reg(r => r.Name = "John\r\nX-Injected: 1", "Name"),
        ["register: name of exactly 250 characters"] = Reg(r => r.Name = new string('n', 250), null, e => Assert.Contains(new string('n', 250), e.Body)),
        ["register: unicode name"] = Reg(r => r.Name = "Siti Nurhaliza 李小龍 Ñandú 😀", null, CustomerInfo("name", "Siti Nurhaliza 李小龍 Ñandú 😀")),
        ["register: empty email"] = Reg(r => r.Email = "", "Email"),
        ["register: email without @"] = Reg(r => r.Email = "john.example.com", "Email"),
        ["register: email with a space"] = Reg(r => r.Email = "john doe@example.com", "Email"),
        ["register: email over 254 characters"] = Reg(r => r.Email = new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".com", "Email"),
        ["register: unicode email"] = Reg(r => r.Email = "josé.müller@exämple.de", null, CustomerInfo("email", "josé.müller@exämple.de")),
        ["register: mobile with letters"] = Reg(r => r.Mobile = "0812-CALL-ME", "Mobile"),
        ["register: mobile too short"] = Reg(r => r.Mobile = "12345", "Mobile"),
        ["register: formatted mobile"] = Reg(r => r.Mobile = "+62 (812) 3456-7890", null, CustomerInfo("mobile", "+6281234567890")),
        ["register: negative trial credit"] = Reg(r => r.TrialCredit = -1m, "TrialCredit"),
        ["register: huge trial credit"] = Reg(r => r.TrialCredit = 1_000_000_000_000m, "TrialCredit"),
        ["register: fractional trial credit"] = Reg(r => r.TrialCredit = 0.5m, "TrialCredit"),
        ["register: zero trial credit"] = Reg(r => r.TrialCredit = 0m, null, e => Assert.Equal(0, JsonDocument.Parse(e.Body).RootElement.GetProperty("trialCredit").GetInt64())),

        // New-MayarCustomer
        ["create: empty name"] = New(c => c.Name = "", "Name"),
        ["create: email without a dot in the domain"] = New(c => c.Email = "a@b", "Email"),
        ["create: country name instead of a code"] = New(c => c.Country = "Indonesia", "Country"),
        ["create: alpha-3 country code"] = New(c => c.Country = "IDN", "Country"),
        ["create: lower-case country code"] = New(c => c.Country = "id", null, e => Assert.Equal("ID", JsonDocument.Parse(e.Body).RootElement.GetProperty("address").GetProperty("country").GetString())),
        ["create: status outside the set"] = New(c => c.Status = "deleted", "Status"),
        ["create: phone with letters"] = New(c => c.Phone = "call me", "Phone"),
        ["create: city with a control character"] = New(c => c.City = "Jakarta\u0007", "City"),
        ["create: custom data holding an object json cannot carry"] = New(c => c.CustomData = new Hashtable { ["callback"] = new Action(() => { }) }, "CustomData"),
        ["create: custom data holding NaN"] = New(c => c.CustomData = new Hashtable { ["score"] = double.NaN }, "CustomData"),
        ["create: custom data nested too deep"] = New(c => c.CustomData = Nested(20), "CustomData"),
        ["create: custom data over 64 KB"] = New(c => c.CustomData = new Hashtable { ["blob"] = new string('x', 70_000) }, "CustomData"),
        ["create: nested unicode custom data"] = New(
            c => c.CustomData = new Hashtable { ["tier"] = "emas ✨", ["tags"] = new object[] { "vip", 2, true }, ["address"] = new Hashtable { ["kota"] = "Yogyakarta" } },
            null,
            e =>
            {
                var data = JsonDocument.Parse(e.Body).RootElement.GetProperty("custom_data");
                Assert.Equal("emas ✨", data.GetProperty("tier").GetString());
                Assert.Equal(3, data.GetProperty("tags").GetArrayLength());
                Assert.Equal("Yogyakarta", data.GetProperty("address").GetProperty("kota").GetString());
            }),
        ["create: unicode name"] = New(c => c.Name = "Đặng Thị Ngọc Hân", null, Body("name", "Đặng Thị Ngọc Hân")),

        // Get-MayarCreditBalance
        ["balance: customer id with &"] = Bal(q => q.CustomerId = EmulatorOptions.SampleCustomerId + "&productId=" + Product, "CustomerId"),
        ["balance: customer id with #"] = Bal(q => q.CustomerId = EmulatorOptions.SampleCustomerId + "#x", "CustomerId"),
        ["balance: customer id with ?"] = Bal(q => q.CustomerId = "?customerId=" + EmulatorOptions.SampleCustomerId, "CustomerId"),
        ["balance: customer id with /"] = Bal(q => q.CustomerId = "../" + EmulatorOptions.SampleCustomerId, "CustomerId"),
        ["balance: customer id with spaces inside"] = Bal(q => q.CustomerId = EmulatorOptions.SampleCustomerId.Replace("-", " "), "CustomerId"),
        ["balance: cus_ customer record id"] = Bal(q => q.CustomerId = "cus_01h3vjs3b16yc3f9q8q9pfrb80", "CustomerId"),
        ["balance: empty product id"] = Bal(q => q.ProductId = "", "ProductId"),
        ["balance: whitespace customer id"] = Bal(q => q.CustomerId = "\t", "CustomerId"),
        ["balance: upper-case ids with spaces around"] = Bal(
            q =>
            {
                q.CustomerId = " " + EmulatorOptions.SampleCustomerId.ToUpperInvariant() + " ";
                q.ProductId = EmulatorOptions.SampleProductId.ToUpperInvariant();
            },
            null,
            e => Assert.Equal($"?customerId={EmulatorOptions.SampleCustomerId}&productId={EmulatorOptions.SampleProductId}", e.Query)),
    };

    public static IEnumerable<object[]> CaseNames() => Cases.Keys.Select(name => new object[] { name });

    [Fact]
    public void The_suite_has_at_least_40_cases_across_the_three_operations()
    {
        Assert.True(Cases.Count >= 40, $"only {Cases.Count} cases");
        Assert.Equal(3, Cases.Values.Select(c => c.Operation).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_is_refused_before_sending_and_odd_valid_input_is_sent_intact(string name)
    {
        var test = Cases[name];
        Func<Task> call = test.Operation switch
        {
            "register" => () => Client().RegisterCreditCustomerAsync(Apply(Registration(Product), test.Register!)),
            "create" => () => Client().CreateCustomerAsync(Apply(Customer(), test.Create!)),
            "balance" => () => Client().GetCreditBalanceAsync(Apply(Sample, test.Balance!)),
            _ => throw new ArgumentException($"No operation '{test.Operation}' in the bad-input suite."),
        };

        if (test.RefusedParameter is string parameter)
        {
            var error = await Assert.ThrowsAsync<MayarArgumentException>(call);
            // Custom data errors name the key path too: -CustomData.tier.level …
            Assert.True(error.ParamName == parameter || error.ParamName!.StartsWith(parameter + ".", StringComparison.Ordinal), error.ParamName);
            Assert.StartsWith("-" + error.ParamName + " ", error.Message);
            Assert.Empty(Log);
        }
        else
        {
            await call();
            test.Sent!(OnlyRequest());
        }
    }

    private static Case Reg(Action<RegisterCreditCustomerRequest> change, string? refused, Action<RequestLogEntry>? sent = null) => new("register", change, null, null, refused, sent);

    private static Case New(Action<NewCustomerRequest> change, string? refused, Action<RequestLogEntry>? sent = null) => new("create", null, change, null, refused, sent);

    private static Case Bal(Action<GetCreditBalanceRequest> change, string? refused, Action<RequestLogEntry>? sent = null) => new("balance", null, null, change, refused, sent);

    private static T Apply<T>(T value, Action<T> change)
    {
        change(value);
        return value;
    }

    private static Action<RequestLogEntry> Body(string property, string expected) =>
        e => Assert.Equal(expected, JsonDocument.Parse(e.Body).RootElement.GetProperty(property).GetString());

    private static Action<RequestLogEntry> CustomerInfo(string property, string expected) =>
        e => Assert.Equal(expected, JsonDocument.Parse(e.Body).RootElement.GetProperty("customerInfo").GetProperty(property).GetString());

    private static Hashtable Nested(int depth)
    {
        var root = new Hashtable();
        var current = root;
        for (var i = 0; i < depth; i++)
        {
            var next = new Hashtable();
            current["level" + i] = next;
            current = next;
        }

        return root;
    }
}
