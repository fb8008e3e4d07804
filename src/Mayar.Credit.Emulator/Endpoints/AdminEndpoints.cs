using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>/_emulator/* endpoints for tests: reset, products, balances, variants, faults, the request log, the clock, the history's behaviour. No key needed.</summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, EmulatorState state, Func<string> baseUrl)
    {
        var store = state.Store;
        var harness = state.Harness;
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

        app.MapGet(admin + "/products", () => Results.Json(store.Products.CreditProducts(), Json));
        app.MapPost(admin + "/products", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var id = body["id"]?.GetValue<string>();
            if (id is not null && !Guid.TryParse(id, out _))
            {
                return Results.BadRequest(new { error = "id must be a UUID" });
            }

            return Results.Json(store.AddProduct(id, body["name"]?.GetValue<string>()), Json, statusCode: 201);
        });

        // Put credit straight into a wallet (MAIN has no public top-up endpoint: customers buy it through checkout).
        app.MapPost(admin + "/credit", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            if (!CreditWalletNames.TryParse(body["wallet"]?.GetValue<string>() ?? "MAIN", out var wallet))
            {
                return Results.BadRequest(new { error = "wallet must be MAIN or ADD_ON" });
            }

            var account = store.AddCredit(
                body["customerId"]?.GetValue<string>() ?? string.Empty,
                body["productId"]?.GetValue<string>() ?? string.Empty,
                body["amount"]?.GetValue<decimal>() ?? 0m,
                wallet,
                LedgerEntryType.AdminCredit);
            return account is null ? Results.NotFound(new { error = "no such customer in that product" }) : Results.Json(account, Json);
        });

        app.MapGet(admin + "/state", () => Results.Json(new
        {
            products = store.Products.CreditProducts().Count,
            registrations = store.Accounts.All().Count,
            customers = store.V1CustomerRecords.Count,
            accounts = store.Accounts.All(),
        }, Json));

        app.MapGet(admin + "/requests", () => Results.Json(harness.Log.Entries(), Json));
        app.MapDelete(admin + "/requests", () =>
        {
            harness.Log.Clear();
            return Results.NoContent();
        });

        app.MapGet(admin + "/variants", () => Results.Json(harness.Variants, Json));
        app.MapPut(admin + "/variants", async (HttpContext context) =>
        {
            var variants = await ReadAsync<EmulatorVariants>(context);
            if (variants is null)
            {
                return Results.BadRequest(new { error = "body must be a variants object" });
            }

            harness.Variants = variants;
            return Results.Json(variants, Json);
        });

        app.MapGet(admin + "/faults", () => Results.Json(harness.Faults.Rules(), Json));
        app.MapPost(admin + "/faults", async (HttpContext context) =>
        {
            var rule = await ReadAsync<FaultRule>(context);
            if (rule is null)
            {
                return Results.BadRequest(new { error = "body must be a fault rule" });
            }

            // The fault book checks the rule; its refusal is the 400's message.
            try
            {
                harness.Faults.Add(rule);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(harness.Faults.Rules().Count, Json, statusCode: 201);
        });
        app.MapDelete(admin + "/faults", () =>
        {
            harness.Faults.Clear();
            return Results.NoContent();
        });

        // The server clock's offset from real time; PUT {"offsetSeconds": -300} (fractions allowed; missing: 0).
        object Clock() => new { offsetSeconds = harness.ClockOffset.TotalSeconds, now = harness.Clock.Now };
        app.MapGet(admin + "/clock", () => Results.Json(Clock(), Json));
        app.MapPut(admin + "/clock", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context);
            var seconds = 0d;
            if (body is null || (body["offsetSeconds"] is { } node && !(node is JsonValue value && value.TryGetValue(out seconds))))
            {
                return Results.BadRequest(new { error = "body must be {\"offsetSeconds\": <number>}" });
            }

            try
            {
                harness.ClockOffset = EmulatorOptions.Seconds("offsetSeconds", seconds);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(Clock(), Json);
        });

        // How the credit history misbehaves; PUT {"lagMs":3000,"order":"asc","ignoreDates":true,"maxLimit":5},
        // replaced whole (a missing field: its default).
        app.MapGet(admin + "/history", () => Results.Json(harness.History, Json));
        app.MapPut(admin + "/history", async (HttpContext context) =>
        {
            var behaviour = await ReadAsync<EmulatorHistoryBehaviour>(context);
            if (behaviour?.Problem() is not null || behaviour is null)
            {
                return Results.BadRequest(new { error = behaviour?.Problem() ?? "body must be an object of lagMs, order (asked|asc|desc), ignoreDates and maxLimit" });
            }

            harness.History = behaviour;
            return Results.Json(behaviour, Json);
        });

        app.MapGet(admin + "/rate-limit", () => Results.Json(new { perMinute = harness.RateLimit.PerWindow, windowSeconds = harness.RateLimit.WindowSeconds, refused = harness.RateLimit.Refused }, Json));
        app.MapPut(admin + "/rate-limit", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var perMinute = body["perMinute"]?.GetValue<int>() ?? 0;
            var window = body["windowSeconds"]?.GetValue<int>() ?? 60;
            try
            {
                harness.RateLimit.Set(perMinute, window);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return Results.Json(new { perMinute, windowSeconds = window }, Json);
        });

        app.MapGet(admin + "/latency", () => Results.Json(new { minMs = harness.Latency.MinMs, maxMs = harness.Latency.MaxMs }, Json));
        app.MapPut(admin + "/latency", async (HttpContext context) =>
        {
            var body = await ReadAsync<JsonObject>(context) ?? new JsonObject();
            var min = body["minMs"]?.GetValue<int>() ?? 0;
            var max = body["maxMs"]?.GetValue<int>() ?? min;
            try
            {
                harness.SetLatency(min, max);
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
