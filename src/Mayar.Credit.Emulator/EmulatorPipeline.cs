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

        var fault = state.TakeFault(context.Request.Method, path);
        if (fault is not null)
        {
            entry.Fault = Describe(fault);
            if (fault.DelayMs > 0)
            {
                await Task.Delay(fault.DelayMs, context.RequestAborted);
            }

            if (fault.Status is int status)
            {
                if (!string.IsNullOrEmpty(fault.RetryAfter))
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                var faultBody = fault.Body ?? $"{{\"statusCode\":{status},\"messages\":\"Injected fault {status}\"}}";
                await Replies.WriteRaw(context, status, faultBody, fault.ContentType ?? "application/json; charset=utf-8");
                return;
            }
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

    private static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header.Substring(Scheme.Length).Trim(), apiKey, StringComparison.Ordinal);
    }

    private static string Describe(FaultRule fault)
    {
        var parts = new List<string>();
        if (fault.DelayMs > 0)
        {
            parts.Add($"delay {fault.DelayMs} ms");
        }

        if (fault.Status is int status)
        {
            parts.Add($"status {status}");
        }

        return string.Join(", ", parts);
    }
}
