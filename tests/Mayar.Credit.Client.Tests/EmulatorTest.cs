using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Base of tests that talk to the emulator: each test starts from the emulator's start-up state.</summary>
public abstract class EmulatorTest : IClassFixture<EmulatorFixture>
{
    protected EmulatorTest(EmulatorFixture fixture)
    {
        Emulator = fixture.Emulator;
        State.Reset();
    }

    protected RunningEmulator Emulator { get; }

    protected EmulatorState State => Emulator.State;

    protected IReadOnlyList<RequestLogEntry> Log => State.Harness.Log.Entries();

    /// <summary>
    /// A client for the emulator. Retries and pacing are off unless asked for, so a test of one exchange sees
    /// exactly one; with retries, backoff is scaled down to milliseconds, and so is the settle delay of credit
    /// reconciliation.
    /// </summary>
    protected MayarClient Client(string? apiKey = null, TimeSpan? timeout = null, int maxRetries = 0, int requestsPerMinute = 0, Uri? baseUri = null, TimeSpan? settleDelay = null, TimeSpan? stopGrace = null) => new(new MayarClientOptions
    {
        ReconcileSettleDelay = settleDelay ?? TimeSpan.FromMilliseconds(100),
        StopGracePeriod = stopGrace ?? TimeSpan.FromSeconds(10),
        ApiKey = MayarApiKey.FromString(apiKey ?? EmulatorFixture.ApiKey),
        BaseUri = baseUri ?? Emulator.BaseUri,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxRetries = maxRetries,
        RequestsPerMinute = requestsPerMinute,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
    });

    /// <summary>docs/api/seeds/002-credit-balance.txt's example customer and product, which the emulator holds with a 30001 balance.</summary>
    internal static GetCreditBalanceRequest Sample => new() { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId };

    /// <summary>The email of docs/api/seeds/002-credit-balance.txt's example customer, a V2 customer of the emulator from the start.</summary>
    internal const string SampleEmail = "johndoe.sample@example.com";

    protected string NewProduct() => State.Store.AddProduct(null, null).Id;

    /// <summary>A plain HttpClient with the key, for driving the emulator where the client would refuse the input.</summary>
    protected HttpClient RawHttp()
    {
        var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorFixture.ApiKey);
        return http;
    }

    /// <summary>
    /// Sends a raw request with the key (a body for a POST, else a GET) and reads the answer as a JSON object, for the
    /// emulator tests of exact reply shapes.
    /// </summary>
    protected async Task<(HttpStatusCode Status, JsonObject Body)> RawJsonAsync(string path, string? body = null)
    {
        using var http = RawHttp();
        using var response = body is null
            ? await http.GetAsync(path.TrimStart('/'))
            : await http.PostAsync(path.TrimStart('/'), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {text}"));
    }

    protected void Fault(FaultRule rule) => State.Harness.Faults.Add(rule);

    protected void Variants(Action<EmulatorVariants> change)
    {
        var variants = new EmulatorVariants();
        change(variants);
        State.Harness.Variants = variants;
    }

    internal static RegisterCreditCustomerRequest Registration(string productId, string? email = null, decimal? trialCredit = null) => new()
    {
        ProductId = productId,
        Name = "John Doe",
        Email = email ?? $"john.{Guid.NewGuid():N}@example.com",
        Mobile = "08777777777",
        TrialCredit = trialCredit,
    };

    /// <summary>A valid membership registration of a fresh email into a tier of the emulator's membership product.</summary>
    internal static RegisterMembershipCustomerRequest MembershipRegistration(string tierId, string? email = null, int period = 3, decimal? trialCredit = null) => new()
    {
        ProductId = EmulatorOptions.MembershipProductId,
        MembershipTierId = tierId,
        MonthlyPeriod = period,
        Name = "Jane Member",
        Email = email ?? $"jane.{Guid.NewGuid():N}@example.com",
        Mobile = "08123456789",
        TrialCredit = trialCredit,
    };

    /// <summary>A valid checkout link request for a fresh buyer.</summary>
    internal static NewCreditCheckoutRequest Checkout(string productId, decimal? creditAmount = 1000) => new()
    {
        ProductId = productId,
        Name = "John Doe",
        Email = $"buyer.{Guid.NewGuid():N}@example.com",
        Mobile = "08777777777",
        CreditAmount = creditAmount,
    };

    /// <summary>A valid customer record with a fresh email.</summary>
    internal static NewCustomerRequest Customer() => new() { Name = "Ani", Email = $"ani.{Guid.NewGuid():N}@example.com" };

    /// <summary>Runs one row of the operations table with a fresh valid input.</summary>
    protected static Task<object> RunAsync(MayarClient client, ApiOperation operation, IMayarTraceListener? trace = null) =>
        client.SendAsync(operation.Create(), trace);

    /// <summary>A loopback base URI where nothing listens: connecting is refused.</summary>
    protected static Uri UnreachableBaseUri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    protected async Task<RegisteredCreditCustomer> RegisterAsync(string productId, decimal? trialCredit = null) =>
        await Client().RegisterCreditCustomerAsync(Registration(productId, trialCredit: trialCredit));

    protected static async Task<MayarApiException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<MayarApiException>(call);

    protected RequestLogEntry OnlyRequest()
    {
        var log = Log;
        Assert.Single(log);
        return log.Single();
    }
}
