using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mayar.Credit.Client;

/// <summary>
/// Decides whether a response succeeded and lifts its payload. A response failed when HTTP is
/// non-2xx, or the body's <c>statusCode</c> is 400 or more, or <c>messages</c>/<c>message</c> is
/// "failed" (the live API sends errors with HTTP 200). On success, fields inside <c>data</c> are
/// merged over the root, because the documents put the same fields in either place.
/// </summary>
internal static class MayarResponseReader
{
    private const int SnippetLength = 200;

    /// <summary>
    /// Throws the error a response reports, or returns its payload as UTF-8 JSON: the body itself, or the
    /// root fields with <c>data</c>'s merged over them when the body wraps them in <c>data</c>.
    /// </summary>
    public static byte[] ReadPayload(int httpStatus, string? mediaType, byte[] body, string method, string path, MayarRedactor redactor)
    {
        var isHttpSuccess = httpStatus >= 200 && httpStatus <= 299;
        if (isHttpSuccess && IsPlainSuccess(body))
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
            var snippet = redactor.Redact(Snippet(body));
            var described = body.Length == 0 ? "an empty body" : $"a {mediaType ?? "body of unknown type"} body";
            if (!isHttpSuccess)
            {
                throw new MayarApiException(KindForStatus(httpStatus, null), httpStatus, httpStatus, snippet, null, method, path, $"The response was {described}, not JSON");
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
                    throw new MayarApiException(KindForStatus(httpStatus, null), httpStatus, httpStatus, null, null, method, path);
                }

                throw new MayarApiException(MayarErrorKind.InvalidResponse, httpStatus, httpStatus, null, null, method, path, $"Expected a JSON object but got a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var bodyStatus = ReadStatusCode(root);
            var message = redactor.Redact(ReadMessage(root));
            var saysFailed = SaysFailed(message);
            var bodyFailed = IsErrorStatus(bodyStatus);
            if (!isHttpSuccess || bodyFailed || saysFailed)
            {
                var effective = bodyFailed ? bodyStatus!.Value : !isHttpSuccess ? httpStatus : 400;
                var items = ReadValidationItems(root, redactor);
                throw new MayarApiException(KindForStatus(effective, message), effective, httpStatus, message, items, method, path);
            }

            return Flatten(root, body);
        }
    }

    /// <summary>
    /// The common case, read in one forward pass without building a document: a JSON object with no
    /// <c>data</c> object to merge, a <c>statusCode</c> below 400 (or none) and a message that is not
    /// "failed" (or none). Anything unusual - a duplicate or differently-cased field, a non-text message,
    /// malformed JSON - answers false, and the full reading decides.
    /// </summary>
    private static bool IsPlainSuccess(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool sawStatus = false, sawMessage = false, sawMessages = false, sawData = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("statusCode"))
                {
                    if (sawStatus || !reader.Read() || !IsSuccessStatus(ref reader))
                    {
                        return false;
                    }

                    sawStatus = true;
                }
                else if (reader.ValueTextEquals("message") || reader.ValueTextEquals("messages"))
                {
                    ref var seen = ref reader.ValueTextEquals("message") ? ref sawMessage : ref sawMessages;
                    if (seen || !reader.Read() || !IsHarmlessMessage(ref reader))
                    {
                        return false;
                    }

                    seen = true;
                }
                else if (reader.ValueTextEquals("data"))
                {
                    if (sawData || !reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        return false;
                    }

                    sawData = true;
                }
                else if (IsWatchedNameInAnotherCase(ref reader))
                {
                    return false;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsSuccessStatus(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => !IsErrorStatus(reader.TryGetInt32(out var number) ? number : null),
        JsonTokenType.String => !IsErrorStatus(StatusFromText(reader.GetString())),
        JsonTokenType.Null => true,
        _ => false,
    };

    private static bool IsHarmlessMessage(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => !SaysFailed(reader.GetString()),
        JsonTokenType.Null => true,
        _ => false,
    };

    // The body's own status, which the live API sends with HTTP 200 when it reports an error.
    private static bool IsErrorStatus(int? status) => status is >= 400;

    // The other way the live API reports an error inside an HTTP 200.
    private static bool SaysFailed(string? message) => string.Equals(message?.Trim(), "failed", StringComparison.OrdinalIgnoreCase);

    private static int? StatusFromText(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    // Only names of a watched length (or escaped ones) are decoded, so ordinary fields cost no allocation.
    private static bool IsWatchedNameInAnotherCase(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length is not (4 or 7 or 8 or 10))
        {
            return false;
        }

        var name = reader.GetString();
        return string.Equals(name, "statusCode", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "message", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "messages", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "data", StringComparison.OrdinalIgnoreCase);
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

    public static MayarErrorKind KindForStatus(int status, string? message)
    {
        if (status is 400 or 409 && LooksLikeConflict(message))
        {
            return MayarErrorKind.Conflict;
        }

        // The V2 create endpoints answer a repeated create with 429 "Duplicate request detected": the
        // first one took effect, so it is a conflict, and waiting and retrying would not help.
        if (status == 429 && message is not null && message.IndexOf("duplicate request", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return MayarErrorKind.Conflict;
        }

        return status switch
        {
            401 => MayarErrorKind.Unauthorized,
            403 => MayarErrorKind.Forbidden,
            404 => MayarErrorKind.NotFound,
            408 => MayarErrorKind.Timeout,
            409 => MayarErrorKind.Conflict,
            429 => MayarErrorKind.RateLimited,
            >= 500 => MayarErrorKind.Server,
            >= 400 => MayarErrorKind.Validation,
            _ => MayarErrorKind.InvalidResponse,
        };
    }

    // "Email sudah terdaftar pada product ini." (already registered) comes as a 400; 409 bodies say "already exist".
    private static bool LooksLikeConflict(string? message) =>
        message is not null
        && (message.IndexOf("sudah terdaftar", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("already registered", StringComparison.OrdinalIgnoreCase) >= 0);

    private static int? ReadStatusCode(JsonElement root)
    {
        if (!TryGetProperty(root, "statusCode", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String ? StatusFromText(value.GetString()) : null;
    }

    private static string? ReadMessage(JsonElement root)
    {
        // "messages" is the documented field list's spelling, "message" the examples'; prefer the plural.
        if (TryGetProperty(root, "messages", out var plural) && TextOf(plural) is { } pluralText)
        {
            return pluralText;
        }

        return TryGetProperty(root, "message", out var singular) ? TextOf(singular) : null;
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
        if (!TryGetProperty(root, "data", out var data) || data.ValueKind != JsonValueKind.Array)
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
        if (!TryGetProperty(root, "data", out var data) || data.ValueKind != JsonValueKind.Object)
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
                if (!string.Equals(property.Name, "data", StringComparison.OrdinalIgnoreCase) && !inner.Contains(property.Name))
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

    private static string? Snippet(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4));
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
