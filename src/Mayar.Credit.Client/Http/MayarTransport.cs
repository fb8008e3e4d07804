using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Sends any <see cref="MayarOperation"/>: pacing, retries by the operation's <see cref="MayarRetryRule"/>, the
/// per-attempt timeout, cancellation, the bounded body read and tracing; then the envelope reading. Knows no
/// particular operation.
/// </summary>
internal sealed class MayarTransport
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    // Pacing waits shorter than this are routine and not traced.
    private static readonly TimeSpan LongPacingWait = TimeSpan.FromSeconds(1);

    private static readonly Random Jitter = new();

    private readonly HttpClient _http;
    private readonly string _baseText;
    private readonly string _basePath;
    private readonly MayarApiKey _apiKey;
    private readonly ProductInfoHeaderValue _userAgent;

    public MayarTransport(HttpClient http, Uri baseUri, MayarApiKey apiKey, ProductInfoHeaderValue userAgent, TimeSpan timeout, MayarRetryPolicy retryPolicy, MayarRateLimiter rateLimiter, MayarRedactor redactor)
    {
        _http = http;
        _baseText = baseUri.AbsoluteUri;
        _basePath = baseUri.AbsolutePath.TrimEnd('/');
        _apiKey = apiKey;
        _userAgent = userAgent;
        Timeout = timeout;
        RetryPolicy = retryPolicy;
        RateLimiter = rateLimiter;
        Redactor = redactor;
    }

    public TimeSpan Timeout { get; }

    public MayarRetryPolicy RetryPolicy { get; }

    public MayarRateLimiter RateLimiter { get; }

    public MayarRedactor Redactor { get; }

    /// <summary>The server's clock, learnt from the Date header of every response.</summary>
    public MayarServerClock ServerClock { get; } = new();

    /// <summary>The largest response body read, in bytes.</summary>
    public static int MaxResponseBytes => MayarClient.MaxResponseBytes;

    // Sends with pacing and retries; each attempt is a fresh message, since a sent one cannot be reused.
    // `stopBeforeSend` (Ctrl+C) ends the call before any attempt leaves, during pacing and between attempts;
    // `cancellationToken` also cuts an attempt already in flight. `onSending` runs just before each attempt leaves.
    // `maxRetries` and `attemptTimeout` replace the connection's for this call (a connection test sends once, briefly).
    public async Task<MayarPayload> SendAsync(MayarOperation operation, IMayarTraceListener? trace, CancellationToken cancellationToken, CancellationToken stopBeforeSend = default, Action? onSending = null, int? maxRetries = null, TimeSpan? attemptTimeout = null)
    {
        var retries = maxRetries ?? RetryPolicy.MaxRetries;
        var timeout = attemptTimeout ?? Timeout;
        using var beforeSend = stopBeforeSend.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopBeforeSend) : null;
        var waitToken = beforeSend?.Token ?? cancellationToken;
        var method = operation.Method;
        var route = operation.Path;
        var query = operation.Query;
        var path = _basePath + route;
        // One absolute string parsed once is much cheaper than combining a base and a relative Uri per request.
        var uri = new Uri(_baseText + route.TrimStart('/') + (query is null ? string.Empty : "?" + query), UriKind.Absolute);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var turn = await RateLimiter.AcquireAsync(waitToken).ConfigureAwait(false);
                waitToken.ThrowIfCancellationRequested();
                onSending?.Invoke();
                if (turn.Waited >= LongPacingWait)
                {
                    trace?.OnWaiting(new MayarWaitRecord(method.Method, path, attempt, turn.Waited, $"paced to {RateLimiter.RequestsPerMinute} requests per minute"));
                }

                return await SendOnceAsync(operation, uri, path, attempt, timeout, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (MayarApiException failure)
            {
                failure.Attempts = attempt;
                failure.RepeatAnswer = operation.RepeatAnswer;
                if (failure.Kind == MayarErrorKind.RateLimited)
                {
                    // Rate-limited: hold every caller of this connection, not only this one.
                    RateLimiter.PauseFor(Min(failure.RetryAfter ?? RetryPolicy.BaseDelay, RetryPolicy.MaxRetryAfter));
                }

                if (attempt > retries || !MayarRetryPolicy.IsRetryable(operation.RetryRule, failure) || failure.RetryAfter > RetryPolicy.MaxRetryAfter)
                {
                    throw;
                }

                var delay = RetryPolicy.DelayBefore(attempt, failure.RetryAfter, NextRandom());
                trace?.OnWaiting(new MayarWaitRecord(method.Method, path, attempt + 1, delay, DescribeForRetry(failure), isServerRequested: failure.RetryAfter is not null));
                await Task.Delay(delay, waitToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MayarPayload> SendOnceAsync(MayarOperation operation, Uri uri, string path, int attempt, TimeSpan attemptTimeout, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var method = operation.Method;
        var body = operation.Body;
        using var message = new HttpRequestMessage(method, uri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey.Reveal());
        message.Headers.UserAgent.Add(_userAgent);
        message.Headers.Accept.Add(AcceptJson);
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        // The per-attempt timeout, linked to the caller's token when that can cancel (one source either way).
        using var timeout = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        timeout.CancelAfter(attemptTimeout);
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        TimeSpan? retryAfter = null;
        try
        {
            var sentAt = DateTimeOffset.UtcNow;
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.Headers.Date is DateTimeOffset serverDate)
            {
                ServerClock.Observe(serverDate, sentAt, DateTimeOffset.UtcNow);
            }

            status = (int)response.StatusCode;
            retryAfter = ReadRetryAfter(response);
            var bytes = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
            trace?.OnRequestCompleted(new MayarRequestRecord(method.Method, path, status, stopwatch.Elapsed, attempt, null, body, bytes, Redactor));
            var payload = MayarResponseReader.ReadPayload(status.Value, response.Content.Headers.ContentType?.MediaType, bytes, method.Method, path, Redactor, operation);
            return new MayarPayload(payload, status.Value, method.Method, path);
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
            var detail = $"No complete answer within {attemptTimeout.TotalSeconds:0.###} s";
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
        var what = failure.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? failure.Kind.ToString().ToLowerInvariant();
        return failure.RetryAfter is null ? what : what + ", Retry-After " + failure.RetryAfter.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
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
}
