using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Endpoints;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mayar.Credit.Emulator;

/// <summary>Builds and starts the emulator; used by Program and, in-process, by the tests.</summary>
public static class EmulatorHost
{
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url);
            if (!(uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))))
            {
                throw new ArgumentException($"The emulator listens on loopback addresses only, not '{uri.Host}'.");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.ClearProviders();

        var app = builder.Build();
        var state = new EmulatorState(options);
        string? baseUrl = null;
        app.Use((context, next) => EmulatorPipeline.InvokeAsync(context, state, () => next(context)));
        CreditEndpoints.Map(app, state);
        CreditHistoryEndpoint.Map(app, state);
        CheckoutEndpoint.Map(app, state);
        CustomerEndpoints.Map(app, state);
        V2CustomerEndpoints.Map(app, state);
        MembershipEndpoints.Map(app, state);
        AdminEndpoints.Map(app, state, () => baseUrl ?? string.Empty);
        app.MapFallback((HttpContext context) => Replies.Error(context, state.Harness.Variants, ApiError.NotFound));

        await app.StartAsync(cancellationToken);
        baseUrl = app.Urls.First().TrimEnd('/');
        var running = new RunningEmulator(app, state, new Uri(baseUrl + "/"));
        if (options.ReadyFile is not null)
        {
            var ready = JsonSerializer.Serialize(new
            {
                baseUrl,
                apiKey = options.ApiKey,
                productId = options.ProductId,
                sampleProductId = EmulatorOptions.SampleProductId,
                sampleCustomerId = EmulatorOptions.SampleCustomerId,
            });
            var temp = options.ReadyFile + ".tmp";
            await File.WriteAllTextAsync(temp, ready, cancellationToken);
            File.Move(temp, options.ReadyFile, overwrite: true);
        }

        return running;
    }
}

/// <summary>A started emulator. Dispose to stop it.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningEmulator(WebApplication app, EmulatorState state, Uri baseUri)
    {
        _app = app;
        State = state;
        BaseUri = baseUri;
    }

    /// <summary>The base URI, ending with '/'.</summary>
    public Uri BaseUri { get; }

    public EmulatorState State { get; }

    /// <summary>The method and route pattern of every endpoint the emulator maps (the fallback's catch-all not among them).</summary>
    public IReadOnlyList<(string Method, string Pattern)> Routes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && !IsFallback(e))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText ?? string.Empty)))
            .ToList();

    /// <summary>True for the endpoint that answers paths nothing else maps (404 Not Found).</summary>
    private static bool IsFallback(RouteEndpoint endpoint) => endpoint.Order == int.MaxValue;

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
