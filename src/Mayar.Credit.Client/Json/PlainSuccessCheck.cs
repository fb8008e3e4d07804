using System.Linq;
using System.Text.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// The common case of <see cref="MayarEnvelope"/>, read in one forward pass without building a document: a JSON
/// object with no object or array <c>data</c> to merge, a <c>statusCode</c> that is not an error (or none) and a
/// message that does not say "failed" (or none). Anything unusual - a repeated or differently-cased envelope field,
/// a non-text message, malformed JSON - answers false, and the full reading decides.
/// </summary>
internal static class PlainSuccessCheck
{
    // Only names of an envelope field's length (or escaped ones) are decoded, so ordinary fields cost no allocation.
    private static readonly int[] FieldLengths = MayarEnvelope.Fields.Select(f => f.Length).Distinct().ToArray();

    public static bool IsPlainSuccess(byte[] body)
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
                if (reader.ValueTextEquals(MayarEnvelope.StatusCodeField))
                {
                    if (sawStatus || !reader.Read() || !IsSuccessStatus(ref reader))
                    {
                        return false;
                    }

                    sawStatus = true;
                }
                else if (reader.ValueTextEquals(MayarEnvelope.MessageField) || reader.ValueTextEquals(MayarEnvelope.MessagesField))
                {
                    ref var seen = ref reader.ValueTextEquals(MayarEnvelope.MessageField) ? ref sawMessage : ref sawMessages;
                    if (seen || !reader.Read() || !IsHarmlessMessage(ref reader))
                    {
                        return false;
                    }

                    seen = true;
                }
                else if (reader.ValueTextEquals(MayarEnvelope.DataField))
                {
                    if (sawData || !reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        return false;
                    }

                    sawData = true;
                }
                else if (IsFieldInAnotherCase(ref reader))
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
        JsonTokenType.Number => !MayarEnvelope.IsErrorStatus(reader.TryGetInt32(out var number) ? number : null),
        JsonTokenType.String => !MayarEnvelope.IsErrorStatus(MayarEnvelope.StatusFromText(reader.GetString())),
        JsonTokenType.Null => true,
        _ => false,
    };

    private static bool IsHarmlessMessage(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => !MayarEnvelope.SaysFailed(reader.GetString()),
        JsonTokenType.Null => true,
        _ => false,
    };

    private static bool IsFieldInAnotherCase(ref Utf8JsonReader reader) =>
        (reader.ValueIsEscaped || System.Array.IndexOf(FieldLengths, reader.ValueSpan.Length) >= 0) && MayarEnvelope.IsField(reader.GetString());
}
