using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator;

/// <summary>/_emulator/* endpoints for tests: reset, products, balances, variants, faults, the request log. No key needed.</summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, EmulatorState state, Func<string> baseUrl)
    {
        var admin = EmulatorPipeline.AdminPrefix;
        app.MapGet(admin + "/info", () => Results.Json(new
        {
            baseUrl = baseUrl(),
            apiKey = state.ApiKey,
            productId = state.ProductId,
            sampleProductId = EmulatorOptions.SampleProductId,
            sampleCustomerId = EmulatorOptions.SampleCustomerId,
        }, Json));

        app.MapPost(admin + "/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });

        app.MapGet(admin + "/products", () => Results.Json(state.Products(), Json));
        app.MapPost(admin + "/products", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var id = body["id"]?.GetValue<string>();
            if (id is not null && !Guid.TryParse(id, out _))
            {
                return Results.BadRequest(new { error = "id must be a UUID" });
            }

            return Results.Json(state.AddProduct(id, body["name"]?.GetValue<string>()), Json, statusCode: 201);
        });

        // Put credit straight into a wallet (MAIN has no public top-up endpoint: customers buy it through checkout).
        app.MapPost(admin + "/credit", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var wallet = (body["wallet"]?.GetValue<string>() ?? "MAIN").ToUpperInvariant();
            if (wallet is not ("MAIN" or "ADD_ON"))
            {
                return Results.BadRequest(new { error = "wallet must be MAIN or ADD_ON" });
            }

            var account = state.AddCredit(
                body["customerId"]?.GetValue<string>() ?? string.Empty,
                body["productId"]?.GetValue<string>() ?? string.Empty,
                body["amount"]?.GetValue<decimal>() ?? 0m,
                wallet);
            return account is null ? Results.NotFound(new { error = "no such customer in that product" }) : Results.Json(account, Json);
        });

        app.MapGet(admin + "/state", () => Results.Json(new
        {
            products = state.Products().Count,
            registrations = state.RegistrationCount,
            customers = state.CustomerCount,
            accounts = state.Accounts(),
        }, Json));

        app.MapGet(admin + "/requests", () => Results.Json(state.RequestLog(), Json));
        app.MapDelete(admin + "/requests", () =>
        {
            state.ClearLog();
            return Results.NoContent();
        });

        app.MapGet(admin + "/variants", () => Results.Json(state.Variants, Json));
        app.MapPut(admin + "/variants", async (HttpContext context) =>
        {
            var variants = await ReadAsync<EmulatorVariants>(context);
            if (variants is null)
            {
                return Results.BadRequest(new { error = "body must be a variants object" });
            }

            state.SetVariants(variants);
            return Results.Json(variants, Json);
        });

        app.MapGet(admin + "/faults", () => Results.Json(state.Faults(), Json));
        app.MapPost(admin + "/faults", async (HttpContext context) =>
        {
            var rule = await ReadAsync<FaultRule>(context);
            if (rule is null)
            {
                return Results.BadRequest(new { error = "body must be a fault rule" });
            }

            // The state checks the rule; its refusal is the 400's message.
            try
            {
                state.AddFault(rule);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(state.Faults().Count, Json, statusCode: 201);
        });
        app.MapDelete(admin + "/faults", () =>
        {
            state.ClearFaults();
            return Results.NoContent();
        });

        app.MapGet(admin + "/rate-limit", () => Results.Json(new { perMinute = state.RateLimit.PerWindow, windowSeconds = state.RateLimit.WindowSeconds, refused = state.RateLimit.Refused }, Json));
        app.MapPut(admin + "/rate-limit", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var perMinute = body["perMinute"]?.GetValue<int>() ?? 0;
            var window = body["windowSeconds"]?.GetValue<int>() ?? 60;
            try
            {
                state.RateLimit.Set(perMinute, window);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(new { perMinute, windowSeconds = window }, Json);
        });

        app.MapGet(admin + "/latency", () => Results.Json(new { minMs = state.Latency.MinMs, maxMs = state.Latency.MaxMs }, Json));
        app.MapPut(admin + "/latency", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var min = body["minMs"]?.GetValue<int>() ?? 0;
            var max = body["maxMs"]?.GetValue<int>() ?? min;
            try
            {
                state.SetLatency(min, max);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(new { minMs = min, maxMs = max }, Json);
        });
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
