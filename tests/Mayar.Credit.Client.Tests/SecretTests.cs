using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The key appears in no exception, trace line, output object or emulator log entry.</summary>
public sealed class SecretTests : EmulatorTest
{
    private const string Key = EmulatorFixture.ApiKey;

    public SecretTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    public static IEnumerable<object[]> Faults() => new[]
    {
        new object[] { 400, "{\"statusCode\":400,\"messages\":\"Validation Error\",\"data\":[{\"field\":\"Authorization\",\"message\":\"Bearer " + Key + " rejected\"}]}", "application/json" },
        new object[] { 401, "{\"statusCode\":401,\"messages\":\"Bad token " + Key + "\"}", "application/json" },
        new object[] { 404, "{\"statusCode\":404,\"messages\":\"Not Found\"}", "application/json" },
        new object[] { 409, "{\"statusCode\":409,\"messages\":\"already exist\"}", "application/json" },
        new object[] { 429, "{\"statusCode\":429,\"messages\":\"slow down\"}", "application/json" },
        new object[] { 500, "{\"statusCode\":500,\"message\":\"stack: Authorization=Bearer " + Key + "\"}", "application/json" },
        new object[] { 502, "Bad Gateway (upstream said " + Key + ")", "text/plain" },
        new object[] { 200, "<html>" + Key + "</html>", "text/html" },
        new object[] { 200, "{\"statusCode\":200,\"messages\":\"failed\",\"data\":[\"" + Key + "\"]}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task No_failure_reveals_the_key_even_when_the_server_echoes_it(int status, string body, string contentType)
    {
        Fault(new FaultRule { Status = status, Body = body, ContentType = contentType });
        var trace = new RecordingTrace();

        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample, trace));

        AssertNoKey(error.Message, error.ToString(), error.ServerMessage, string.Join(" ", error.ValidationErrors.Select(i => i.ToString())));
        AssertNoKey(trace.Records.Select(r => r.ToString()).ToArray());
        if (body.Contains(Key, StringComparison.Ordinal))
        {
            Assert.Contains(MayarRedactor.Mask, error.Message); // the server's words are kept, the key is masked
        }
    }

    [Fact]
    public async Task Transport_and_timeout_failures_do_not_reveal_the_key()
    {
        Fault(new FaultRule { DelayMs = 2500 });
        var timeout = await FailsAsync(() => Client(timeout: TimeSpan.FromSeconds(1)).GetCreditBalanceAsync(Sample));
        var unreachable = Client(baseUri: UnreachableBaseUri(), maxRetries: 2);
        var transport = await FailsAsync(() => unreachable.GetCreditBalanceAsync(Sample));
        AssertNoKey(timeout.ToString(), transport.ToString());
    }

    [Fact]
    public async Task Success_outputs_traces_and_the_emulator_log_do_not_hold_the_key()
    {
        var trace = new RecordingTrace();
        var client = Client();
        var registered = await client.RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId), trace);
        var customer = await client.CreateCustomerAsync(new CreateCustomerRequest { Name = "A", Email = "a@example.com" }, trace);
        var balance = await client.GetCreditBalanceAsync(new CreditBalanceQuery { CustomerId = registered.CustomerId, ProductId = registered.ProductId }, trace);

        AssertNoKey(registered.ToString(), customer.ToString(), balance.ToString(), client.ApiKeyHint);
        AssertNoKey(trace.Records.Select(r => r.ToString()).ToArray());
        Assert.Equal(3, trace.Records.Count);
        AssertNoKey(JsonSerializer.Serialize(State.Harness.Log.Entries()));
        Assert.All(State.Harness.Log.Entries(), entry => Assert.True(entry.Authorized));
    }

    public static IEnumerable<object[]> FaultKinds() => FaultRule.Kinds.Select(kind => new object[] { kind });

    [Theory]
    [MemberData(nameof(FaultKinds))]
    public async Task No_fault_with_retries_reveals_the_key_in_errors_traces_waits_or_the_log(string kind)
    {
        // Two faults in a row, so every operation also retries (reads) or reports (writes); Retry-After on the statuses.
        Fault(new FaultRule { Kind = kind, Status = kind == "status" ? 503 : null, RetryAfter = "0", Count = 2, DelayMs = kind == "delay" ? 10 : 0 });
        var trace = new RecordingTrace();
        var client = Client(maxRetries: 2, timeout: TimeSpan.FromSeconds(1));
        var texts = new List<string?>();

        foreach (var call in Operations(client, trace))
        {
            try
            {
                texts.Add((await call())?.ToString());
            }
            catch (MayarApiException error)
            {
                texts.AddRange(new[] { error.Message, error.ToString(), error.ServerMessage, string.Join(" ", error.ValidationErrors) });
            }
        }

        AssertNoKey(texts.ToArray());
        AssertNoKey(trace.Lines.ToArray());
        AssertNoKey(JsonSerializer.Serialize(State.Harness.Log.Entries()));
    }

    [Fact]
    public async Task Rate_limited_and_unreachable_requests_do_not_reveal_the_key()
    {
        State.Harness.RateLimit.Set(1, 1);
        var trace = new RecordingTrace();
        var texts = new List<string?>();
        foreach (var client in new[] { Client(maxRetries: 1), Client(maxRetries: 1, baseUri: UnreachableBaseUri()) })
        {
            foreach (var call in Operations(client, trace))
            {
                try
                {
                    texts.Add((await call())?.ToString());
                }
                catch (MayarApiException error)
                {
                    texts.AddRange(new[] { error.Message, error.ToString(), error.ServerMessage });
                }
            }
        }

        Assert.Contains(State.Harness.Log.Entries(), e => e.Status == 429);
        AssertNoKey(texts.ToArray());
        AssertNoKey(trace.Lines.ToArray());
        AssertNoKey(JsonSerializer.Serialize(State.Harness.Log.Entries()));
    }

    [Fact]
    public void A_plain_http_base_uri_that_is_not_loopback_is_refused()
    {
        var error = Assert.Throws<MayarArgumentException>(() => Client(baseUri: new Uri("http://api.mayar.id/")));
        Assert.Equal("BaseUri", error.ParamName);
        Assert.Contains("https", error.Message);
    }

    private static IEnumerable<Func<Task<object>>> Operations(MayarClient client, RecordingTrace trace) =>
        ApiOperation.All.Select(operation => (Func<Task<object>>)(() => RunAsync(client, operation, trace)));

    private static void AssertNoKey(params string?[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Key, text ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
