using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>What happens to every API request before its endpoint: read and log it, apply faults, check the key.</summary>
internal static class EmulatorPipeline
{
    public const string LogKey = "mayar.log";
    public const string BodyKey = "mayar.body";
    public const string AdminPrefix = "/_emulator";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie" };

    public static async Task InvokeAsync(HttpContext context, EmulatorState state, Func<Task> next)
    {
        var harness = state.Harness;
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        // The Date header in the server's clock (which tests may set off real time), on every answer.
        var clock = harness.Clock;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = clock.Now.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var entry = new RequestLogEntry
        {
            Time = DateTimeOffset.UtcNow,
            Method = context.Request.Method,
            Path = path,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Body = body,
            Endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
        };
        foreach (var header in context.Request.Headers)
        {
            if (!SecretHeaders.Contains(header.Key))
            {
                entry.Headers[header.Key] = header.Value.ToString();
            }
        }

        context.Items[BodyKey] = body;
        context.Items[LogKey] = entry;
        harness.Log.Begin(entry);

        var (minMs, maxMs) = harness.Latency;
        if (maxMs > 0)
        {
            await Task.Delay(FaultRule.PickInRange(minMs, maxMs), context.RequestAborted);
        }

        if (!harness.RateLimit.TryAdmit(out var retryAfter))
        {
            entry.Fault = "rate limit";
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Replies.Error(context, harness.Variants, ApiError.TooManyRequests);
            return;
        }

        var fault = harness.Faults.Take(context.Request.Method, path);
        if (fault is not null && await ApplyFaultAsync(context, state, entry, fault, next))
        {
            return;
        }

        entry.Authorized = ApiRequest.HasKey(context, state.ApiKey);
        if (!entry.Authorized)
        {
            await Replies.Error(context, harness.Variants, ApiError.Unauthorized);
            return;
        }

        entry.Processed = true;
        await next();
    }

    // Applies a fault; returns true when the request has been dealt with, false to go on normally.
    private static async Task<bool> ApplyFaultAsync(HttpContext context, EmulatorState state, RequestLogEntry entry, FaultRule fault, Func<Task> next)
    {
        entry.Fault = fault.Describe();
        var delay = fault.PickDelayMs();
        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        switch (fault.EffectiveKind)
        {
            case "delay":
                return false;

            case "drop-before":
                entry.Dropped = true;
                context.Abort();
                return true;

            case "drop-after":
                entry.Authorized = ApiRequest.HasKey(context, state.ApiKey);
                if (entry.Authorized)
                {
                    // Let the endpoint change state, write its answer into a buffer, then cut the connection.
                    context.Response.Body = new MemoryStream();
                    entry.Processed = true;
                    await next();
                }

                entry.Dropped = true;
                entry.Status = 0; // the answer was written to the buffer, never sent
                context.Abort();
                return true;

            case "process-hang":
                entry.Authorized = ApiRequest.HasKey(context, state.ApiKey);
                if (!entry.Authorized)
                {
                    return false;
                }

                // Process into a buffer; hold the answer; send it after HoldMs, or never (the client gives up).
                var real = context.Response.Body;
                var buffer = new MemoryStream();
                context.Response.Body = buffer;
                entry.Processed = true;
                await next();
                try
                {
                    await Task.Delay(fault.HoldMs > 0 ? TimeSpan.FromMilliseconds(fault.HoldMs) : TimeSpan.FromMinutes(10), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    entry.Dropped = true;
                    entry.Status = 0;
                    return true;
                }

                if (fault.HoldMs == 0)
                {
                    entry.Dropped = true;
                    entry.Status = 0;
                    context.Abort();
                    return true;
                }

                context.Response.Body = real;
                buffer.Position = 0;
                await buffer.CopyToAsync(real, context.RequestAborted);
                return true;

            case "hang":
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(10), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }

                return true;

            default:
                var (status, body, contentType) = fault.Answer();
                if (!string.IsNullOrEmpty(fault.RetryAfter))
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                await Replies.WriteRaw(context, status, body, contentType);
                return true;
        }
    }
}
