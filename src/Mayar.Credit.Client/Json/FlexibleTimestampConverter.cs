using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mayar.Credit.Client.Json;

/// <summary>Reads a timestamp sent as an ISO-8601 string or as Unix epoch milliseconds (both occur in Mayar's API).</summary>
internal sealed class FlexibleTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var ms):
                return DateTimeOffset.FromUnixTimeMilliseconds(ms);
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var msText))
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(msText);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                {
                    return value;
                }

                throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
            default:
                throw new JsonException("A timestamp must be a string or a number.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
