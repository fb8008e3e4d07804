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
