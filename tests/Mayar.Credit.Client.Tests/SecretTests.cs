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
        var customer = await client.CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com" }, trace);
        var balance = await client.GetCreditBalanceAsync(new GetCreditBalanceRequest { CustomerId = registered.CustomerId, ProductId = registered.ProductId }, trace);

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

    // A key with the characters JSON and URLs escape: '+', '/', '='.
    private const string PlusKey = "ab+cd/ef==ghIJ";

    // Every form the key may be echoed in: JSON escapes (\u002B, \/, any \uXXXX), URL encoding in either hex case.
    private static readonly string[] PlusKeyForms =
    {
        PlusKey,
        "ab\\u002Bcd\\/ef==ghIJ",
        "ab\\u002bcd\\u002fef\\u003D\\u003dghIJ",
        "\\u0061\\u0062+cd/ef==gh\\u0049\\u004a",
        "ab%2Bcd%2Fef%3D%3DghIJ",
        "ab%2bcd%2fef%3d%3dghIJ",
        "ab%2Bcd/ef%3d=ghIJ",
        "%61%62%2B%63%64%2F%65%66%3D%3D%67%68%49%4A",
    };

    public static IEnumerable<object[]> EncodedKeyBodies() => new[]
    {
        new object[] { 400, "{\"statusCode\":400,\"messages\":\"bad key ab\\u002Bcd\\/ef==ghIJ\"}", "application/json" },
        new object[] { 401, "{\"statusCode\":401,\"messages\":\"bad key \\u0061\\u0062\\u002bcd\\u002Fef\\u003d\\u003DghIJ\"}", "application/json" },
        new object[] { 400, "{\"statusCode\":400,\"messages\":\"Validation Error\",\"data\":[{\"field\":\"url\",\"message\":\"https://x.test/?k=ab%2Bcd%2Fef%3D%3DghIJ\"}]}", "application/json" },
        new object[] { 502, "<html><body><h1>502 Bad Gateway</h1><p>upstream https://api.mayar.id/hl/v1/x?key=ab%2Bcd%2Fef%3D%3DghIJ failed</p></body></html>", "text/html" },
        new object[] { 502, "<html>upstream ab%2bcd%2fef%3d%3dghIJ and ab\\/cd</html>", "text/html" },
        new object[] { 503, new string('x', 190) + " ab%2Bcd%2Fef%3D%3DghIJ", "text/plain" },
        new object[] { 200, "<p>ab\\u002Bcd\\/ef==ghIJ</p>", "text/html" },
    };

    [Theory]
    [MemberData(nameof(EncodedKeyBodies))]
    public async Task A_key_echoed_json_escaped_or_url_encoded_is_masked_in_errors_and_debug_bodies(int status, string body, string contentType)
    {
        Fault(new FaultRule { Status = status, Body = body, ContentType = contentType });
        var trace = new RecordingTrace();

        var error = await FailsAsync(() => Client(apiKey: PlusKey).GetCreditBalanceAsync(Sample, trace));

        var texts = new[] { error.Message, error.ToString(), error.ServerMessage, string.Join(" ", error.ValidationErrors.Select(i => i.ToString())) }
            .Concat(trace.Records.Select(r => r.ToDebugString())).ToArray();
        AssertNoKeyForm(texts);
        Assert.Contains(MayarRedactor.Mask, Assert.Single(trace.Records).ToDebugString());
    }

    [Fact]
    public void The_redactor_masks_every_form_of_the_key_and_leaves_other_text_alone()
    {
        var redactor = new MayarRedactor(MayarApiKey.FromString(PlusKey));

        foreach (var form in PlusKeyForms)
        {
            Assert.Equal("before *** after", redactor.Redact("before " + form + " after"));
        }

        Assert.Equal("ab+cd/ef==ghIj %2B \\u002B", redactor.Redact("ab+cd/ef==ghIj %2B \\u002B")); // not the key: one letter's case differs
        Assert.Equal("{\"k\":\"***\"}", redactor.RedactBody("{\"k\":\"ab\\u002Bcd\\/ef==ghIJ\"}"));
    }

    [Fact]
    public void A_transport_failure_naming_an_encoded_key_is_masked()
    {
        // MayarTransport passes the innermost messages of a transport error through Redact.
        var redactor = new MayarRedactor(MayarApiKey.FromString(PlusKey));

        var detail = redactor.Redact("The SSL connection could not be established for https://proxy.test/?api_key=ab%2Bcd%2Fef%3D%3DghIJ.");

        Assert.Equal("The SSL connection could not be established for https://proxy.test/?api_key=***.", detail);
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

    private static void AssertNoKeyForm(params string?[] texts)
    {
        foreach (var text in texts)
        {
            foreach (var form in PlusKeyForms.Concat(new[] { "ab%2B", "ab%2b", "ab\\u002B", "ab\\u002b", "cd\\/ef", "cd/ef==gh" }))
            {
                Assert.DoesNotContain(form, text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static void AssertNoKey(params string?[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Key, text ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
