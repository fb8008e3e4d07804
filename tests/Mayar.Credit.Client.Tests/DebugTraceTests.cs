using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The -Debug text: each request's line with the bodies sent and received, through the redactor.</summary>
public sealed class DebugTraceTests : EmulatorTest
{
    // What the emulator's customer detail reply says of the merchant (V2CustomerEndpoints).
    private const string MerchantUrlHook = "https://merchant.example.invalid/mayar/webhook?token=emulator-hook-secret";
    private const string MerchantUserId = "3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c";

    public DebugTraceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_write_shows_the_json_sent_and_the_json_received()
    {
        var trace = new RecordingTrace();
        var request = Registration(EmulatorOptions.DefaultProductId, trialCredit: 300m);

        await Client().RegisterCreditCustomerAsync(request, trace);

        var record = Assert.Single(trace.Records);
        using var sent = JsonDocument.Parse(record.RequestBody!);
        Assert.Equal(request.Email, sent.RootElement.GetProperty("customerInfo").GetProperty("email").GetString());
        Assert.Equal(Log.Single().Body, record.RequestBody);
        using var received = JsonDocument.Parse(record.ResponseBody!);
        Assert.Equal(JsonValueKind.Object, received.RootElement.ValueKind);

        var lines = record.ToDebugString().Split('\n');
        Assert.Equal(record.ToString(), lines[0]);
        Assert.Equal("  request body: " + record.RequestBody, lines[1]);
        Assert.Equal("  response body: " + record.ResponseBody, lines[2]);
    }

    [Fact]
    public async Task A_read_has_no_request_body_and_shows_the_response()
    {
        var trace = new RecordingTrace();

        await Client().GetCreditBalanceAsync(Sample, trace);

        var record = Assert.Single(trace.Records);
        Assert.Null(record.RequestBody);
        Assert.Contains("30001", record.ResponseBody);
        Assert.DoesNotContain("request body", record.ToDebugString());
    }

    [Fact]
    public async Task A_failure_without_a_response_shows_what_was_sent_only()
    {
        Fault(new FaultRule { Kind = "drop-before" });
        var trace = new RecordingTrace();

        await FailsAsync(() => Client().CreateCustomerAsync(Customer(), trace));

        var record = Assert.Single(trace.Records);
        Assert.NotNull(record.RequestBody);
        Assert.Null(record.ResponseBody);
        Assert.DoesNotContain("response body", record.ToDebugString());
    }

    [Fact]
    public async Task A_key_echoed_in_a_body_is_masked()
    {
        Fault(new FaultRule { Status = 400, Body = $"{{\"statusCode\":400,\"messages\":\"bad key {EmulatorFixture.ApiKey}\"}}" });
        var trace = new RecordingTrace();

        await FailsAsync(() => Client().GetCreditBalanceAsync(Sample, trace));

        var record = Assert.Single(trace.Records);
        Assert.DoesNotContain(EmulatorFixture.ApiKey, record.ToDebugString());
        Assert.Contains("bad key " + MayarRedactor.Mask, record.ResponseBody);
    }

    [Fact]
    public async Task The_customer_detail_body_hides_the_merchants_webhook_url_email_and_ids_and_stays_json()
    {
        var trace = new RecordingTrace();

        var customer = await Client().SendAsync(new GetCustomerByEmailOperation(new GetCustomerRequest { Email = SampleEmail }), trace);

        var record = Assert.Single(trace.Records);
        var debug = record.ToDebugString();
        foreach (var secret in new[] { MerchantUrlHook, "emulator-hook-secret", "merchant.example.invalid", "merchant@example.invalid", MerchantUserId, "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d" })
        {
            Assert.DoesNotContain(secret, debug, StringComparison.OrdinalIgnoreCase);
        }

        using var body = JsonDocument.Parse(record.ResponseBody!);
        var data = body.RootElement.GetProperty("data");
        var user = data.GetProperty("user");
        Assert.Equal(MayarRedactor.Mask, user.GetProperty("urlHook").GetString());
        Assert.Equal(MayarRedactor.Mask, user.GetProperty("email").GetString());
        Assert.Equal(MayarRedactor.Mask, user.GetProperty("id").GetString());
        Assert.Equal(MayarRedactor.Mask, user.GetProperty("accountId").GetString());
        Assert.Equal(MayarRedactor.Mask, user.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(MayarRedactor.Mask, data.GetProperty("userId").GetString());
        Assert.Equal("Emulator Merchant", user.GetProperty("name").GetString());
        Assert.Equal(SampleEmail, data.GetProperty("email").GetString()); // the customer's own fields are shown
        Assert.Equal(customer.CustomerId, data.GetProperty("id").GetString());
        Assert.Equal(MerchantUserId, customer.UserId); // the result itself is untouched
    }

    [Theory]
    [InlineData("{\"statusCode\":200,\"data\":{\"customerBalance\":1,\"webhookUrl\":\"https://m.test/h\",\"accessToken\":\"t0k\",\"note\":\"see https://u:p4ss@m.test/x?a=1&token=t0k&signature=s1g\"}}", "https://m.test/h", "t0k", "p4ss", "s1g")]
    [InlineData("{\"statusCode\":200,\"data\":{\"customerBalance\":1,\"merchant\":{\"email\":\"boss@m.test\",\"id\":42}}}", "boss@m.test", "42")]
    public async Task Token_bearing_fields_and_urls_are_masked_in_any_body(string reply, params string[] secrets)
    {
        Fault(new FaultRule { Status = 200, Body = reply });
        var trace = new RecordingTrace();

        await Client().GetCreditBalanceAsync(Sample, trace);

        var shown = Assert.Single(trace.Records).ResponseBody!;
        using var parsed = JsonDocument.Parse(shown);
        Assert.Equal(1, parsed.RootElement.GetProperty("data").GetProperty("customerBalance").GetInt32());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_has_the_key_and_url_tokens_masked()
    {
        Fault(new FaultRule { Status = 502, Body = $"<html>Bad Gateway for https://p.test/?token=hook-secret&k={EmulatorFixture.ApiKey}</html>", ContentType = "text/html" });
        var trace = new RecordingTrace();

        await FailsAsync(() => Client().GetCreditBalanceAsync(Sample, trace));

        var shown = Assert.Single(trace.Records).ResponseBody!;
        Assert.Equal("<html>Bad Gateway for https://p.test/?token=***&k=***</html>", shown);
    }

    [Fact]
    public async Task A_long_body_is_cut_and_says_how_long_it_was()
    {
        var longBody = "{\"statusCode\":200,\"data\":{\"padding\":\"" + new string('x', 10_000) + "\",\"customerBalance\":1}}";
        Fault(new FaultRule { Status = 200, Body = longBody });
        var trace = new RecordingTrace();

        await Client().GetCreditBalanceAsync(Sample, trace);

        var debug = Assert.Single(trace.Records).ToDebugString();
        Assert.Contains($"… ({longBody.Length} bytes in all)", debug);
        Assert.True(debug.Length < MayarRequestRecord.MaxDebugBodyLength + 500, $"debug text is {debug.Length} characters");
    }
}
