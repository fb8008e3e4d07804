using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mayar.Credit.Client;

/// <summary>
/// Reads a response by the rules of <see cref="MayarEnvelope"/>: throws the error it reports, or lifts its payload.
/// The common success is recognised by <see cref="PlainSuccessCheck"/> without building a document.
/// </summary>
internal static class MayarResponseReader
{
    private const int SnippetLength = 200;

    // How much of a non-JSON body is decoded and masked for the snippet: far more than is shown, so a key or URL
    // that straddles the cut is masked whole.
    private const int SnippetMaskedBytes = 64 * 1024;

    /// <summary>
    /// Throws the error a response reports, or returns its payload as UTF-8 JSON: the body itself, or the
    /// root fields with <c>data</c>'s merged over them when the body wraps them in <c>data</c>.
    /// </summary>
    public static byte[] ReadPayload(int httpStatus, string? mediaType, byte[] body, string method, string path, MayarRedactor redactor, MayarOperation? operation = null)
    {
        var isHttpSuccess = httpStatus >= 200 && httpStatus <= 299;
        if (isHttpSuccess && PlainSuccessCheck.IsPlainSuccess(body))
        {
            return body;
        }

        JsonDocument? document = null;
        if (body.Length > 0)
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                document = null;
            }
        }

        if (document is null)
        {
            var snippet = Snippet(body, redactor);
            var described = body.Length == 0 ? "an empty body" : $"a {mediaType ?? "body of unknown type"} body";
            if (!isHttpSuccess)
            {
                throw new MayarApiException(MayarEnvelope.KindFor(httpStatus, null, operation), httpStatus, httpStatus, snippet, null, method, path, $"The response was {described}, not JSON");
            }

            throw new MayarApiException(MayarErrorKind.InvalidResponse, httpStatus, httpStatus, snippet, null, method, path, $"Expected a JSON object but got {described}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                if (!isHttpSuccess)
                {
                    throw new MayarApiException(MayarEnvelope.KindFor(httpStatus, null, operation), httpStatus, httpStatus, null, null, method, path);
                }

                throw new MayarApiException(MayarErrorKind.InvalidResponse, httpStatus, httpStatus, null, null, method, path, $"Expected a JSON object but got a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var bodyStatus = ReadStatusCode(root);
            var message = redactor.Redact(ReadMessage(root));
            var saysFailed = MayarEnvelope.SaysFailed(message);
            var bodyFailed = MayarEnvelope.IsErrorStatus(bodyStatus);
            if (!isHttpSuccess || bodyFailed || saysFailed)
            {
                var effective = bodyFailed ? bodyStatus!.Value : !isHttpSuccess ? httpStatus : 400;
                var items = ReadValidationItems(root, redactor);
                throw new MayarApiException(MayarEnvelope.KindFor(effective, message, operation), effective, httpStatus, message, items, method, path);
            }

            return Flatten(root, body);
        }
    }

    /// <summary>Deserializes a payload; a field of the wrong type is an invalid response, not a crash.</summary>
    public static T Deserialize<T>(byte[] payload, JsonTypeInfo<T> typeInfo, int httpStatus, string method, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo)
                ?? throw new JsonException("The body was null.");
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" at {ex.Path}";
            throw new MayarApiException(MayarErrorKind.InvalidResponse, httpStatus, httpStatus, null, null, method, path, $"A field had an unexpected value{where}", ex);
        }
    }

    private static int? ReadStatusCode(JsonElement root)
    {
        if (!TryGetProperty(root, MayarEnvelope.StatusCodeField, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String ? MayarEnvelope.StatusFromText(value.GetString()) : null;
    }

    private static string? ReadMessage(JsonElement root)
    {
        // "messages" is the documented field list's spelling, "message" the examples'; prefer the plural.
        if (TryGetProperty(root, MayarEnvelope.MessagesField, out var plural) && TextOf(plural) is { } pluralText)
        {
            return pluralText;
        }

        return TryGetProperty(root, MayarEnvelope.MessageField, out var singular) ? TextOf(singular) : null;
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => JoinArray(value),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static string JoinArray(JsonElement array)
    {
        var parts = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (TextOf(item) is { } text)
            {
                parts.Add(text);
            }
        }

        return string.Join("; ", parts);
    }

    private static IReadOnlyList<MayarValidationItem> ReadValidationItems(JsonElement root, MayarRedactor redactor)
    {
        var items = new List<MayarValidationItem>();
        if (!TryGetProperty(root, MayarEnvelope.DataField, out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return items;
        }

        foreach (var entry in data.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object)
            {
                var field = TryGetProperty(entry, "field", out var f) ? TextOf(f) : null;
                var message = TryGetProperty(entry, "message", out var m) ? TextOf(m) : null;
                var type = TryGetProperty(entry, "type", out var t) ? TextOf(t) : null;
                items.Add(new MayarValidationItem(redactor.Redact(field), redactor.Redact(message) ?? "invalid", type));
            }
            else if (TextOf(entry) is { } text)
            {
                items.Add(new MayarValidationItem(null, redactor.Redact(text)!, null));
            }
        }

        return items;
    }

    /// <summary>Root fields, with the fields of an object-valued <c>data</c> merged over them; the body as it is when there is no such <c>data</c>.</summary>
    private static byte[] Flatten(JsonElement root, byte[] body)
    {
        if (!TryGetProperty(root, MayarEnvelope.DataField, out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return body;
        }

        var inner = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in data.EnumerateObject())
        {
            inner.Add(property.Name);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!string.Equals(property.Name, MayarEnvelope.DataField, StringComparison.OrdinalIgnoreCase) && !inner.Contains(property.Name))
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var property in data.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    // The start of a body that is not JSON (a proxy's HTML page), masked before it is cut so that a key the cut
    // would split is masked whole, and its URLs' credentials masked too.
    private static string? Snippet(byte[] body, MayarRedactor redactor)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var text = redactor.RedactBody(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetMaskedBytes)))!;
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
            if (builder.Length >= SnippetLength)
            {
                builder.Append('\u2026');
                break;
            }
        }

        var snippet = builder.ToString().Trim();
        return snippet.Length == 0 ? null : snippet;
    }
}
