using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

public sealed class CreateCustomerTests : EmulatorTest
{
    public CreateCustomerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private static NewCustomerRequest SeedExample() => new()
    {
        Name = "Brighton Mboya",
        Email = "brighton@jani.com",
        Phone = "+2557881234567",
        City = "Dar es Salaam",
        Country = "TZ",
        PaymentMethod = "card_01h3vjs3b16yc3f9q8q9pfrb79",
        Status = "active",
        CustomData = new Hashtable { ["loyalty_program"] = "Gold" },
    };

    [Fact]
    public async Task Creates_the_seed_example_and_reads_every_field()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var customer = await Client().CreateCustomerAsync(SeedExample());

        Assert.Matches(new Regex("^cus_[0-9a-z]{26}$"), customer.Id);
        Assert.Equal("Brighton Mboya", customer.Name);
        Assert.Equal("brighton@jani.com", customer.Email);
        Assert.Equal("+2557881234567", customer.Phone);
        Assert.Equal("Dar es Salaam", customer.City);
        Assert.Equal("TZ", customer.Country);
        Assert.Equal("card_01h3vjs3b16yc3f9q8q9pfrb79", customer.PaymentMethod);
        Assert.Equal("active", customer.Status);
        Assert.Equal("Gold", customer.CustomData!["loyalty_program"]);
        Assert.NotNull(customer.CreatedAt);
        Assert.True(customer.CreatedAt > before);
        Assert.Equal(customer.CreatedAt, customer.UpdatedAt);
        Assert.Equal(1, State.Store.V1CustomerRecords.Count);
    }

    [Fact]
    public async Task Sends_the_documented_snake_case_body()
    {
        await Client().CreateCustomerAsync(SeedExample());

        var request = OnlyRequest();
        Assert.Equal(MayarRoutes.CreateCustomer, request.Path);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(new[] { "name", "email", "phone", "address", "payment_method", "status", "custom_data" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Dar es Salaam", root.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("TZ", root.GetProperty("address").GetProperty("country").GetString());
        Assert.Equal("Gold", root.GetProperty("custom_data").GetProperty("loyalty_program").GetString());
    }

    [Fact]
    public async Task Omits_what_was_not_given()
    {
        await Client().CreateCustomerAsync(new NewCustomerRequest { Name = "Ana", Email = "ana@example.com" });

        using var body = JsonDocument.Parse(OnlyRequest().Body);
        Assert.Equal(new[] { "name", "email" }, body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Sends_an_address_with_only_a_city()
    {
        await Client().CreateCustomerAsync(new NewCustomerRequest { Name = "Ana", Email = "ana@example.com", City = "Bandung" });

        using var body = JsonDocument.Parse(OnlyRequest().Body);
        var address = body.RootElement.GetProperty("address");
        Assert.Equal(new[] { "city" }, address.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_known_email_in_any_case_is_a_conflict()
    {
        await Client().CreateCustomerAsync(SeedExample());
        var again = SeedExample();
        again.Email = "BRIGHTON@JANI.COM";

        var error = await FailsAsync(() => Client().CreateCustomerAsync(again));

        Assert.Equal(MayarErrorKind.Conflict, error.Kind);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal(1, State.Store.V1CustomerRecords.Count);
    }

    [Fact]
    public async Task Reads_a_data_wrapped_response()
    {
        Variants(v => v.Wrapper = "data");
        var customer = await Client().CreateCustomerAsync(SeedExample());
        Assert.StartsWith("cus_", customer.Id);
        Assert.Equal("TZ", customer.Country);
    }

    [Fact]
    public async Task Keeps_nested_custom_data_and_its_types()
    {
        var request = SeedExample();
        var tier = new OrderedDictionary { ["name"] = "Gold", ["since"] = new DateTime(2024, 9, 1, 15, 0, 0, DateTimeKind.Utc) };
        request.CustomData = new Hashtable
        {
            ["tier"] = tier,
            ["points"] = 1250,
            ["rate"] = 12.5m,
            ["vip"] = true,
            ["tags"] = new object?[] { "a", 1, null },
            ["note"] = null,
        };

        var customer = await Client().CreateCustomerAsync(request);

        var data = customer.CustomData!;
        var nested = Assert.IsAssignableFrom<IDictionary<string, object?>>(data["tier"]);
        Assert.Equal("Gold", nested["name"]);
        Assert.Equal("2024-09-01T15:00:00.0000000Z", nested["since"]);
        Assert.Equal(1250L, data["points"]);
        Assert.Equal(12.5m, data["rate"]);
        Assert.Equal(true, data["vip"]);
        Assert.Equal(new object?[] { "a", 1L, null }, (object?[])data["tags"]!);
        Assert.Null(data["note"]);
    }

    [Fact]
    public async Task Reads_epoch_millisecond_timestamps_and_camel_case_fields()
    {
        Fault(new FaultRule
        {
            Path = MayarRoutes.CreateCustomer,
            Status = 200,
            Body = "{\"statusCode\":200,\"messages\":\"success\",\"data\":{\"customerId\":\"c-1\",\"name\":\"Ana\",\"email\":\"ana@example.com\",\"mobile\":\"0812345678\",\"paymentMethod\":\"pm\",\"createdAt\":1761557824548}}",
        });

        var customer = await Client().CreateCustomerAsync(new NewCustomerRequest { Name = "Ana", Email = "ana@example.com" });

        Assert.Equal("c-1", customer.Id);
        Assert.Equal("0812345678", customer.Phone);
        Assert.Equal("pm", customer.PaymentMethod);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1761557824548), customer.CreatedAt);
    }
}
