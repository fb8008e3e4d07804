using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator;

/// <summary>What happens to every API request before its endpoint: read and log it, apply faults, check the key.</summary>
internal static class EmulatorPipeline
{
    public const string LogKey = "mayar.log";
    public const string BodyKey = "mayar.body";
    public const string AdminPrefix = "/_emulator";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie" };

    public static async Task InvokeAsync(HttpContext context, EmulatorState state, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

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
        state.BeginLog(entry);

        var (minMs, maxMs) = state.Latency;
        if (maxMs > 0)
        {
            await Task.Delay(FaultRule.PickInRange(minMs, maxMs), context.RequestAborted);
        }

        if (!state.RateLimit.TryAdmit(out var retryAfter))
        {
            entry.Fault = "rate limit";
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Replies.Error(context, state.Variants, 429, "Too Many Requests", "messages");
            return;
        }

        var fault = state.TakeFault(context.Request.Method, path);
        if (fault is not null && await ApplyFaultAsync(context, state, entry, fault, next))
        {
            return;
        }

        entry.Authorized = IsAuthorized(context, state.ApiKey);
        if (!entry.Authorized)
        {
            await Replies.Error(context, state.Variants, 401, "Unauthorized", "messages");
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
                entry.Authorized = IsAuthorized(context, state.ApiKey);
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

    private static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header.Substring(Scheme.Length).Trim(), apiKey, StringComparison.Ordinal);
    }
}
