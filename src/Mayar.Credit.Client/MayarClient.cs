using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// The Mayar credit API client. Thread-safe; create one per account and environment and reuse it.
/// Every operation validates its input before sending, and every failure is a
/// <see cref="MayarArgumentException"/> (nothing sent) or a <see cref="MayarApiException"/>.
/// </summary>
public sealed class MayarClient
{
    /// <summary>The largest response body read, in bytes.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    // Pacing waits shorter than this are routine and not traced.
    private static readonly TimeSpan LongPacingWait = TimeSpan.FromSeconds(1);

    private static readonly Random Jitter = new();

    private readonly HttpClient _http;
    private readonly string _baseText;
    private readonly string _basePath;
    private readonly MayarApiKey _apiKey;

    /// <summary>Creates a client. Uses the process-wide pooled HttpClient unless one is given.</summary>
    public MayarClient(MayarClientOptions options, HttpClient? httpClient = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _apiKey = options.ApiKey ?? throw new MayarArgumentException("ApiKey", "is required: pass -ApiKey or set $env:MAYAR_API_KEY.");
        BaseUri = options.ResolveBaseUri();
        _baseText = BaseUri.AbsoluteUri;
        _basePath = BaseUri.AbsolutePath.TrimEnd('/');
        Environment = options.EffectiveEnvironment;
        Timeout = MayarClientOptions.ValidateTimeout(options.Timeout);
        Redactor = new MayarRedactor(_apiKey);
        RetryPolicy = new MayarRetryPolicy(options.MaxRetries, options.RetryBaseDelay, options.RetryMaxDelay, options.MaxRetryAfter);
        RateLimiter = new MayarRateLimiter(options.RequestsPerMinute);
        _http = httpClient ?? MayarHttpClientPool.For(BaseUri);
    }

    /// <summary>The module version sent in the User-Agent header.</summary>
    public static string ModuleVersion => Identity.Version;

    /// <summary>The base URI requests go to (ends with '/').</summary>
    public Uri BaseUri { get; }

    /// <summary>Production, Sandbox or Custom.</summary>
    public MayarEnvironment Environment { get; }

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>When failed requests are sent again.</summary>
    public MayarRetryPolicy RetryPolicy { get; }

    /// <summary>The pace shared by every caller of this client.</summary>
    public MayarRateLimiter RateLimiter { get; }

    /// <summary>The masked key, e.g. "…3f9a".</summary>
    public string ApiKeyHint => _apiKey.Hint;

    /// <summary>The redaction point for this client's key; use it for any text derived from requests.</summary>
    public MayarRedactor Redactor { get; }

    /// <summary>Registers a customer into a credit-usage product (seed 000).</summary>
    public Task<RegisteredCreditCustomer> RegisterCreditCustomerAsync(RegisterCreditCustomerRequest request, CancellationToken cancellationToken = default) =>
        RegisterCreditCustomerAsync(request, null, cancellationToken);

    /// <summary>Registers a customer into a credit-usage product (seed 000), tracing each exchange.</summary>
    public async Task<RegisteredCreditCustomer> RegisterCreditCustomerAsync(RegisterCreditCustomerRequest request, IMayarTraceListener? trace, CancellationToken cancellationToken = default)
    {
        var body = (request ?? throw new ArgumentNullException(nameof(request))).ToBody();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, MayarJsonContext.Wire.RegisterCreditCustomerBody);
        var response = await SendAsync(HttpMethod.Post, MayarRoutes.RegisterCreditCustomer, null, bytes, trace, cancellationToken).ConfigureAwait(false);
        var payload = response.Read(MayarJsonContext.Wire.RegisterCreditCustomerPayload);
        var customerId = payload.CustomerId;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            throw response.Invalid("The response has no customerId");
        }

        return new RegisteredCreditCustomer
        {
            CustomerId = customerId!,
            ProductId = FirstNonBlank(payload.PaymentLinkId, payload.PaymentLink?.Id, payload.ProductId) ?? body.ProductId,
            Name = body.CustomerInfo.Name,
            Email = body.CustomerInfo.Email,
            Mobile = body.CustomerInfo.Mobile,
            TrialCredit = body.TrialCredit,
        };
    }

    /// <summary>Creates a customer record (seed 001).</summary>
    public Task<MayarCustomer> CreateCustomerAsync(CreateCustomerRequest request, CancellationToken cancellationToken = default) =>
        CreateCustomerAsync(request, null, cancellationToken);

    /// <summary>Creates a customer record (seed 001), tracing each exchange.</summary>
    public async Task<MayarCustomer> CreateCustomerAsync(CreateCustomerRequest request, IMayarTraceListener? trace, CancellationToken cancellationToken = default)
    {
        var body = (request ?? throw new ArgumentNullException(nameof(request))).ToBody();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, MayarJsonContext.Wire.CreateCustomerBody);
        var response = await SendAsync(HttpMethod.Post, MayarRoutes.CreateCustomer, null, bytes, trace, cancellationToken).ConfigureAwait(false);
        var payload = response.Read(MayarJsonContext.Wire.CustomerPayload);
        var id = FirstNonBlank(payload.Id, payload.CustomerId);
        if (id is null)
        {
            throw response.Invalid("The response has no customer id");
        }

        return new MayarCustomer
        {
            Id = id,
            Name = FirstNonBlank(payload.Name) ?? body.Name,
            Email = FirstNonBlank(payload.Email) ?? body.Email,
            Phone = FirstNonBlank(payload.Phone, payload.Mobile) ?? body.Phone,
            City = FirstNonBlank(payload.Address?.City) ?? body.Address?.City,
            Country = FirstNonBlank(payload.Address?.Country) ?? body.Address?.Country,
            PaymentMethod = FirstNonBlank(payload.PaymentMethodSnake, payload.PaymentMethod) ?? body.PaymentMethod,
            Status = FirstNonBlank(payload.Status) ?? body.Status,
            CustomData = JsonValues.ToDictionary(payload.CustomDataSnake ?? payload.CustomData ?? body.CustomData),
            CreatedAt = payload.CreatedAtSnake ?? payload.CreatedAt,
            UpdatedAt = payload.UpdatedAtSnake ?? payload.UpdatedAt,
        };
    }

    /// <summary>Reads a customer's credit balance in a product (seed 002).</summary>
    public Task<CreditBalance> GetCreditBalanceAsync(CreditBalanceQuery query, CancellationToken cancellationToken = default) =>
        GetCreditBalanceAsync(query, null, cancellationToken);

    /// <summary>Reads a customer's credit balance in a product (seed 002), tracing each exchange.</summary>
    public async Task<CreditBalance> GetCreditBalanceAsync(CreditBalanceQuery query, IMayarTraceListener? trace, CancellationToken cancellationToken = default)
    {
        var (customerId, productId) = (query ?? throw new ArgumentNullException(nameof(query))).Normalize();
        var queryString = "customerId=" + Uri.EscapeDataString(customerId) + "&productId=" + Uri.EscapeDataString(productId);
        var response = await SendAsync(HttpMethod.Get, MayarRoutes.CreditBalance, queryString, null, trace, cancellationToken).ConfigureAwait(false);
        var payload = response.Read(MayarJsonContext.Wire.CreditBalancePayload);

        var main = payload.CustomerMainBalance ?? payload.CustomerBalanceMain ?? payload.CustomerBalanceMembership;
        var addon = payload.CustomerBalanceAddon;
        var total = payload.CustomerBalance;

        // Tolerate one missing figure when the other two determine it.
        total ??= main + addon;
        main ??= total - addon;
        addon ??= total - main;
        if (total is null)
        {
            throw response.Invalid("The response has no customerBalance");
        }

        return new CreditBalance
        {
            CustomerId = FirstNonBlank(payload.CustomerId) ?? customerId,
            ProductId = FirstNonBlank(payload.ProductId) ?? productId,
            Balance = total.Value,
            MainBalance = main ?? 0m,
            AddonBalance = addon ?? 0m,
        };
    }

    // Sends with pacing and retries; each attempt is a fresh message, since a sent one cannot be reused.
    private async Task<MayarResponse> SendAsync(HttpMethod method, string route, string? query, byte[]? body, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var path = _basePath + route;
        // One absolute string parsed once is much cheaper than combining a base and a relative Uri per request.
        var uri = new Uri(_baseText + route.TrimStart('/') + (query is null ? string.Empty : "?" + query), UriKind.Absolute);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var turn = await RateLimiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
                if (turn.Waited >= LongPacingWait)
                {
                    trace?.OnWaiting(new MayarWaitRecord(method.Method, path, attempt, turn.Waited, $"paced to {RateLimiter.RequestsPerMinute} requests per minute"));
                }

                return await SendOnceAsync(method, uri, path, body, attempt, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (MayarApiException failure)
            {
                failure.Attempts = attempt;
                if (failure.Kind == MayarErrorKind.RateLimited)
                {
                    // Rate-limited: hold every caller of this connection, not only this one.
                    RateLimiter.PauseFor(Min(failure.RetryAfter ?? RetryPolicy.BaseDelay, RetryPolicy.MaxRetryAfter));
                }

                if (attempt > RetryPolicy.MaxRetries || !MayarRetryPolicy.IsRetryable(method.Method, failure) || failure.RetryAfter > RetryPolicy.MaxRetryAfter)
                {
                    throw;
                }

                var delay = RetryPolicy.DelayBefore(attempt, failure.RetryAfter, NextRandom());
                trace?.OnWaiting(new MayarWaitRecord(method.Method, path, attempt + 1, delay, DescribeForRetry(failure)));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MayarResponse> SendOnceAsync(HttpMethod method, Uri uri, string path, byte[]? body, int attempt, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, uri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey.Reveal());
        message.Headers.UserAgent.Add(Identity.UserAgent);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        // The per-attempt timeout, linked to the caller's token when that can cancel (one source either way).
        using var timeout = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        timeout.CancelAfter(Timeout);
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        TimeSpan? retryAfter = null;
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            retryAfter = ReadRetryAfter(response);
            var bytes = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
            trace?.OnRequestCompleted(new MayarRequestRecord(method.Method, path, status, stopwatch.Elapsed, attempt, null, body, bytes, Redactor));
            var payload = MayarResponseReader.ReadPayload(status.Value, response.Content.Headers.ContentType?.MediaType, bytes, method.Method, path, Redactor);
            return new MayarResponse(payload, status.Value, method.Method, path);
        }
        catch (MayarApiException failure)
        {
            failure.RetryAfter = retryAfter;
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            trace?.OnRequestCompleted(new MayarRequestRecord(method.Method, path, status, stopwatch.Elapsed, attempt, "timeout", body, null, Redactor));
            var detail = $"No complete answer within {Timeout.TotalSeconds:0.###} s";
            throw new MayarApiException(MayarErrorKind.Timeout, null, status, null, null, method.Method, path, detail, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var notSent = status is null && MayarTransportErrors.IsConnectFailure(ex);
            trace?.OnRequestCompleted(new MayarRequestRecord(method.Method, path, status, stopwatch.Elapsed, attempt, notSent ? "could not connect" : "transport error", body, null, Redactor));
            var detail = Redactor.Redact(InnermostMessage(ex));
            throw new MayarApiException(MayarErrorKind.Transport, null, status, null, null, method.Method, path, detail, ex) { RequestNotSent = notSent };
        }
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string DescribeForRetry(MayarApiException failure)
    {
        var what = failure.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? failure.Kind.ToString().ToLowerInvariant();
        return failure.RetryAfter is null ? what : what + ", Retry-After " + failure.RetryAfter.Value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static double NextRandom()
    {
        lock (Jitter)
        {
            return Jitter.NextDouble();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return Array.Empty<byte>();
        }

        var declared = response.Content.Headers.ContentLength;
        if (declared > MaxResponseBytes)
        {
            throw TooLarge();
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream(declared is long length ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static IOException TooLarge() => new($"The response body is larger than {MaxResponseBytes / (1024 * 1024)} MB.");

    private static string InnermostMessage(Exception ex)
    {
        var messages = new List<string>();
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(current.Message) && !messages.Contains(current.Message))
            {
                messages.Add(current.Message.Trim());
            }
        }

        return string.Join(" ", messages);
    }

    private static string? FirstNonBlank(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value!.Trim();
            }
        }

        return null;
    }

    // Static values in a nested class, so their initialisation order is explicit.
    private static class Identity
    {
        public static readonly string Version =
            typeof(MayarClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        public static readonly ProductInfoHeaderValue UserAgent = new("Mayar.Credit", Version);
    }

    /// <summary>A successful response's payload with what is needed to report it as invalid.</summary>
    private readonly struct MayarResponse
    {
        private readonly byte[] _payload;
        private readonly int _status;
        private readonly string _method;
        private readonly string _path;

        public MayarResponse(byte[] payload, int status, string method, string path)
        {
            _payload = payload;
            _status = status;
            _method = method;
            _path = path;
        }

        public T Read<T>(JsonTypeInfo<T> typeInfo) => MayarResponseReader.Deserialize(_payload, typeInfo, _status, _method, _path);

        public MayarApiException Invalid(string detail) =>
            new(MayarErrorKind.InvalidResponse, _status, _status, null, null, _method, _path, detail);
    }
}
