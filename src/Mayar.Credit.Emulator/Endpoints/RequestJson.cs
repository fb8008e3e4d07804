using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>Reads request bodies as JSON whatever the Content-Type says (the documents' curl examples send none).</summary>
internal static class RequestJson
{
    public static JsonObject? ReadObject(HttpContext context)
    {
        var body = context.Items[EmulatorPipeline.BodyKey] as string ?? string.Empty;
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool IsPresent(JsonObject? obj, string name) => obj is not null && obj.ContainsKey(name) && obj[name] is not null;

    /// <summary>A whole number sent as a JSON number or numeric string; null when absent; false when not a whole number.</summary>
    public static bool TryWhole(JsonObject? obj, string name, out decimal? value)
    {
        value = null;
        var node = obj?[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue json)
        {
            if (json.TryGetValue<decimal>(out var number) && number == decimal.Truncate(number))
            {
                value = number;
                return true;
            }

            if (json.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
                return true;
            }
        }

        return false;
    }

    public static bool IsUuid(string? text) => text is not null && Guid.TryParseExact(text, "D", out _);

    public static string CanonicalUuid(string text) => Guid.ParseExact(text, "D").ToString("D");

    public static bool LooksLikeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.');
    }
}
