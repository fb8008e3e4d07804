using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Client;

/// <summary>
/// Masks the values a -Debug body must not show (transcripts keep them on disk), by the JSON field that holds them:
/// the merchant's webhook URL (<c>urlHook</c>, any field naming a hook), its user and account ids, the merchant
/// <c>user</c> object's <c>id</c>, <c>email</c> and account fields (docs/api/mayar-api.md K2), any field naming a token,
/// secret, password or key, and in every string the credentials of a URL (a user-info part, the value of a query
/// parameter naming a token, key, secret, signature, password or auth). The JSON stays JSON, each masked value
/// becoming <see cref="MayarRedactor.Mask"/>; a body that is not JSON has only its URLs' credentials masked.
/// </summary>
internal static class MayarBodyMasker
{
    // Masked wherever they are.
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "urlHook", "userId", "accountId", "authorization", "apiKey", "api_key", "password", "secret", "clientSecret",
    };

    private static readonly string[] SecretNameParts = { "hook", "token", "secret", "password" };

    // The merchant's object ("user" in the customer detail) and what it holds: the fields masked inside it.
    private static readonly HashSet<string> MerchantObjects = new(StringComparer.OrdinalIgnoreCase) { "user", "merchant" };

    private static readonly HashSet<string> MerchantNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "email", "accountId", "mobile", "phone",
    };

    private static readonly Regex UrlCredentials = new(
        @"(?<keep>://)[^/?#@\s""'<>]+@|(?<keep>[?&;][^=&#\s""'<>]*(?:token|key|secret|sig|password|auth|session)[^=&#\s""'<>]*=)[^&#\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns <paramref name="text"/> with the secret fields' values masked; the text itself when nothing is masked.</summary>
    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text!);
        }
        catch (JsonException)
        {
            return MaskUrls(text!);
        }

        using (document)
        {
            var masked = false;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Write(writer, document.RootElement, inMerchant: false, ref masked);
            }

            return masked ? Encoding.UTF8.GetString(buffer.ToArray()) : text;
        }
    }

    /// <summary>True when the value of a field named <paramref name="name"/> is masked (<paramref name="inMerchant"/>: inside the merchant's object).</summary>
    internal static bool IsSecretField(string name, bool inMerchant)
    {
        if (SecretNames.Contains(name) || (inMerchant && MerchantNames.Contains(name)))
        {
            return true;
        }

        foreach (var part in SecretNameParts)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string MaskUrls(string text) =>
        text.IndexOf("://", StringComparison.Ordinal) < 0 && text.IndexOf('=') < 0 ? text : UrlCredentials.Replace(text, m => m.Groups["keep"].Value + MayarRedactor.Mask);

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool inMerchant, ref bool masked)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (property.Value.ValueKind != JsonValueKind.Null && IsSecretField(property.Name, inMerchant))
                    {
                        writer.WriteStringValue(MayarRedactor.Mask);
                        masked = true;
                    }
                    else
                    {
                        var merchant = inMerchant || (MerchantObjects.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Object);
                        Write(writer, property.Value, merchant, ref masked);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, inMerchant, ref masked);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var value = element.GetString()!;
                var urlsMasked = MaskUrls(value);
                masked |= !ReferenceEquals(urlsMasked, value) && urlsMasked != value;
                writer.WriteStringValue(urlsMasked);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
