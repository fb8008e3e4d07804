using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// The Mayar credit API client. Thread-safe; create one per account and environment and reuse it.
/// Every operation validates its input before sending (when the <see cref="MayarOperation"/> is created), and
/// every failure is a <see cref="MayarArgumentException"/> (nothing sent) or a <see cref="MayarApiException"/>.
/// </summary>
public sealed class MayarClient
{
    /// <summary>The largest response body read, in bytes.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>How long a connection test waits at most, unless the connection's timeout is shorter or the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultConnectionTestTimeout = TimeSpan.FromSeconds(10);

    private readonly MayarTransport _transport;
    private readonly MayarApiKey _apiKey;
    private readonly CreditMovementReconciler _reconciler;

    /// <summary>Creates a client. Uses the process-wide pooled HttpClient unless one is given.</summary>
    public MayarClient(MayarClientOptions options, HttpClient? httpClient = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _apiKey = options.ApiKey ?? throw new MayarArgumentException("ApiKey", "is required: pass -ApiKey or set $env:MAYAR_API_KEY.");
        BaseUri = options.ResolveBaseUri();
        Environment = options.EffectiveEnvironment;
        var redactor = new MayarRedactor(_apiKey);
        _transport = new MayarTransport(
            httpClient ?? MayarHttpClientPool.For(BaseUri),
            BaseUri,
            _apiKey,
            Identity.UserAgent,
            MayarClientOptions.ValidateTimeout(options.Timeout),
            new MayarRetryPolicy(options.MaxRetries, options.RetryBaseDelay, options.RetryMaxDelay, options.MaxRetryAfter),
            new MayarRateLimiter(options.RequestsPerMinute),
            redactor);
        var timeout = _transport.Timeout;
        _reconciler = new CreditMovementReconciler(
            _transport,
            options.ReconcileSettleDelay < TimeSpan.Zero ? TimeSpan.Zero : options.ReconcileSettleDelay,
            options.StopGracePeriod < timeout ? (options.StopGracePeriod < TimeSpan.Zero ? TimeSpan.Zero : options.StopGracePeriod) : timeout);
    }

    /// <summary>The module version sent in the User-Agent header.</summary>
    public static string ModuleVersion => Identity.Version;

    /// <summary>The base URI requests go to (ends with '/').</summary>
    public Uri BaseUri { get; }

    /// <summary>Production, Sandbox or Custom.</summary>
    public MayarEnvironment Environment { get; }

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout => _transport.Timeout;

    /// <summary>When failed requests are sent again.</summary>
    public MayarRetryPolicy RetryPolicy => _transport.RetryPolicy;

    /// <summary>The pace shared by every caller of this client.</summary>
    public MayarRateLimiter RateLimiter => _transport.RateLimiter;

    /// <summary>The masked key, e.g. "…3f9a".</summary>
    public string ApiKeyHint => _apiKey.Hint;

    /// <summary>The server's clock as learnt from the Date header of every response (credit reconciliation windows use it).</summary>
    public MayarServerClock ServerClock => _transport.ServerClock;

    /// <summary>The wait before a lost credit movement's history is read a second time.</summary>
    public TimeSpan ReconcileSettleDelay => _reconciler.SettleDelay;

    /// <summary>How long a credit movement in flight may finish after a stop.</summary>
    public TimeSpan StopGracePeriod => _reconciler.StopGrace;

    /// <summary>The redaction point for this client's key; use it for any text derived from requests.</summary>
    public MayarRedactor Redactor => _transport.Redactor;

    /// <summary>Sends an operation and reads its result, tracing each exchange when <paramref name="trace"/> is given.</summary>
    public async Task<TResult> SendAsync<TResult>(MayarOperation<TResult> operation, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default)
        where TResult : class =>
        (TResult)await SendAsync((MayarOperation)operation, trace, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends an operation and reads its result as an object (for callers that handle every operation alike).</summary>
    public async Task<object> SendAsync(MayarOperation operation, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (operation is ICreditMovementSteps movement)
        {
            return await _reconciler.SendAsync(operation, movement, null, null, trace, cancellationToken).ConfigureAwait(false);
        }

        var payload = await _transport.SendAsync(operation, trace, cancellationToken).ConfigureAwait(false);
        try
        {
            return operation.ReadResult(payload);
        }
        catch (MayarApiException failure)
        {
            failure.RepeatAnswer = operation.RepeatAnswer;
            throw;
        }
    }

    /// <summary>
    /// Sends a credit movement (an <see cref="AddCreditOperation"/> or <see cref="SpendCreditOperation"/>) as row
    /// <paramref name="reference"/> of <paramref name="journal"/>: a row the journal records as done is not sent (its
    /// result comes back with FromJournal), one recorded as unknown fails again with the check command, one sent by
    /// a process that died is reconciled from the history before anything is sent. Cancelling sends nothing more; a
    /// movement already sent gets <see cref="StopGracePeriod"/> to finish.
    /// </summary>
    public async Task<object> SendCreditMovementAsync(MayarOperation operation, CreditJournal? journal, string? reference, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default)
    {
        if (operation is not ICreditMovementSteps movement)
        {
            throw new ArgumentException("The operation does not move credit.", nameof(operation));
        }

        return await _reconciler.SendAsync(operation, movement, journal, reference, trace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tests the connection with one cheap read (<c>GET /hl/v2/customers?limit=1</c>): whether the API answers and
    /// accepts the key, the round trip, and the server's clock. Sent once, without retries, waiting at most
    /// <paramref name="timeout"/> (default <see cref="DefaultConnectionTestTimeout"/>, or the connection's timeout when
    /// shorter) for its turn in the connection's pace and as long for the answer. A refused key, an unreachable API or
    /// any other failure is in the result, not thrown; only cancelling throws.
    /// </summary>
    public Task<MayarConnectionTest> TestConnectionAsync(TimeSpan? timeout = null, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        MayarConnectionProbe.RunAsync(
            this,
            _transport,
            timeout is TimeSpan given ? MayarClientOptions.ValidateTimeout(given) : (Timeout < DefaultConnectionTestTimeout ? Timeout : DefaultConnectionTestTimeout),
            trace,
            cancellationToken);

    /// <summary>Registers a customer into a credit-usage product (docs/api/seeds/000-register-credit-customer.txt).</summary>
    public Task<RegisteredCreditCustomer> RegisterCreditCustomerAsync(RegisterCreditCustomerRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new RegisterCreditCustomerOperation(request), trace, cancellationToken);

    /// <summary>Registers a customer into a membership tier (M1).</summary>
    public Task<RegisteredMembershipCustomer> RegisterMembershipCustomerAsync(RegisterMembershipCustomerRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new RegisterMembershipCustomerOperation(request), trace, cancellationToken);

    /// <summary>Creates a customer record (docs/api/seeds/001-new-customer.txt).</summary>
    public Task<MayarCustomer> CreateCustomerAsync(NewCustomerRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new NewCustomerOperation(request), trace, cancellationToken);

    /// <summary>Adds credit to a customer's account; a lost answer is settled from the credit history.</summary>
    public Task<CreditTopUp> AddCreditAsync(CreditMovementRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new AddCreditOperation(request), trace, cancellationToken);

    /// <summary>Spends a customer's credit; a lost answer is settled from the credit history.</summary>
    public Task<CreditSpend> SpendCreditAsync(CreditMovementRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new SpendCreditOperation(request), trace, cancellationToken);

    /// <summary>Reads a customer's credit balance in a product (docs/api/seeds/002-credit-balance.txt).</summary>
    public Task<CreditBalance> GetCreditBalanceAsync(GetCreditBalanceRequest query, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new GetCreditBalanceOperation(query), trace, cancellationToken);

    /// <summary>Generates an immutable checkout link for a customer (docs/api/mayar-api.md C6).</summary>
    public Task<CreditCheckout> NewCreditCheckoutAsync(NewCreditCheckoutRequest request, IMayarTraceListener? trace = null, CancellationToken cancellationToken = default) =>
        SendAsync(new NewCreditCheckoutOperation(request), trace, cancellationToken);

    // Static values in a nested class, so their initialisation order is explicit.
    private static class Identity
    {
        public static readonly string Version =
            typeof(MayarClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        public static readonly ProductInfoHeaderValue UserAgent = new("Mayar.Credit", Version);
    }
}
