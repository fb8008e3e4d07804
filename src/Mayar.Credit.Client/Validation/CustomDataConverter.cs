using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Mayar.Credit.Client;

/// <summary>
/// Turns custom data (a dictionary of plain values, nested dictionaries and lists) into a JSON object,
/// refusing what JSON cannot carry and naming where it sits (e.g. "CustomData.tier.since").
/// </summary>
public static class CustomDataConverter
{
    /// <summary>How deep nesting may go.</summary>
    public const int MaxDepth = 16;

    /// <summary>The largest custom data object, in bytes of JSON.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Converts <paramref name="data"/>; null stays null.</summary>
    public static JsonElement? ToJson(IDictionary? data, string parameter)
    {
        if (data is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteObject(writer, data, parameter, 1);
        }

        if (buffer.Length > MaxBytes)
        {
            throw new MayarArgumentException(parameter, $"must be at most {MaxBytes / 1024} KB as JSON, not {buffer.Length / 1024} KB.");
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void WriteObject(Utf8JsonWriter writer, IDictionary data, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new MayarArgumentException(path, $"nests deeper than {MaxDepth} levels (is an object inside itself?).");
        }

        writer.WriteStartObject();
        foreach (DictionaryEntry entry in data)
        {
            if (entry.Key is not string key || key.Trim().Length == 0)
            {
                throw new MayarArgumentException(path, $"keys must be non-empty strings, not '{entry.Key}' ({entry.Key?.GetType().Name ?? "null"}).");
            }

            writer.WritePropertyName(key);
            WriteValue(writer, entry.Value, path + "." + key, depth);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
            case DBNull:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case char c:
                writer.WriteStringValue(c.ToString());
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case double or float:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new MayarArgumentException(path, $"is {d.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry: use a finite number.");
                }

                writer.WriteNumberValue(d);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                return;
            case Uri u:
                writer.WriteStringValue(u.OriginalString);
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case IDictionary nested:
                WriteObject(writer, nested, path, depth + 1);
                return;
            case IEnumerable list:
                if (depth + 1 > MaxDepth)
                {
                    throw new MayarArgumentException(path, $"nests deeper than {MaxDepth} levels (is a list inside itself?).");
                }

                writer.WriteStartArray();
                var index = 0;
                foreach (var item in list)
                {
                    WriteValue(writer, item, $"{path}[{index++}]", depth + 1);
                }

                writer.WriteEndArray();
                return;
            default:
                throw new MayarArgumentException(path, $"is a {value.GetType().FullName}, which cannot be sent as JSON: use strings, numbers, booleans, dates, null, arrays or nested hashtables.");
        }
    }
}
