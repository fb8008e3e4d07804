using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Client;

/// <summary>
/// The one redaction point: every text that leaves the client (exception messages, server messages,
/// trace and debug lines) passes through <see cref="Redact"/>, which removes the API key: as it is, JSON-escaped
/// (<c>\u002B</c>, <c>\/</c>, any <c>\uXXXX</c>) and URL-encoded (<c>%2B</c> or <c>%2b</c>), each character in any
/// of its forms. A debug body also passes through <see cref="RedactBody"/>, which masks the values of the JSON
/// fields that carry the merchant's secrets (<see cref="MayarBodyMasker"/>).
/// </summary>
public sealed class MayarRedactor
{
    /// <summary>What replaces the key.</summary>
    public const string Mask = "***";

    private readonly string _secret;

    // Built the first time a text holds an escape: most texts never do, so a new connection need not build it.
    private readonly Lazy<Regex> _encoded;

    /// <summary>Creates a redactor for one key.</summary>
    public MayarRedactor(MayarApiKey key)
    {
        _secret = (key ?? throw new ArgumentNullException(nameof(key))).Reveal();
        _encoded = new Lazy<Regex>(() => new Regex(EncodedPattern(_secret), RegexOptions.CultureInvariant));
    }

    /// <summary>Returns <paramref name="text"/> with every occurrence of the key, in any of its encodings, masked.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secret.Length == 0)
        {
            return text;
        }

        var masked = text!.IndexOf(_secret, StringComparison.Ordinal) < 0 ? text : text.Replace(_secret, Mask);

        // An encoded character starts with '\' (JSON) or '%' (URL); without either only the plain key can be there.
        if (masked.IndexOf('\\') < 0 && masked.IndexOf('%') < 0)
        {
            return masked;
        }

        return _encoded.Value.Replace(masked, Mask);
    }

    /// <summary>
    /// A body for -Debug: a JSON body with the values of the merchant's secret fields masked (still JSON), then
    /// the key masked as by <see cref="Redact"/>; a body that is not JSON gets the key masking only.
    /// </summary>
    public string? RedactBody(string? text) => Redact(MayarBodyMasker.Mask(text));

    // Each character of the key as itself or any of its escapes: \uXXXX (either hex case), \/ for '/', \" and \\,
    // and its UTF-8 bytes percent-encoded (either hex case; '%' itself possibly escaped as %25 or \u0025).
    private static string EncodedPattern(string secret)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < secret.Length; i++)
        {
            var length = char.IsSurrogatePair(secret, i) ? 2 : 1;
            var character = secret.Substring(i, length);
            pattern.Append("(?:").Append(Regex.Escape(character)).Append('|').Append(JsonEscapes(character));
            if (character is "/" or "\"" or "\\")
            {
                pattern.Append("|\\\\").Append(Regex.Escape(character));
            }

            pattern.Append('|');
            foreach (var b in Encoding.UTF8.GetBytes(character))
            {
                pattern.Append("(?:%(?:25)?|\\\\u0025)").Append(HexPattern(b, 2));
            }

            if (character == " ")
            {
                pattern.Append("|\\+");
            }

            pattern.Append(')');
            i += length - 1;
        }

        return pattern.ToString();
    }

    private static string JsonEscapes(string character)
    {
        var escapes = new StringBuilder();
        foreach (var unit in character)
        {
            escapes.Append("\\\\u").Append(HexPattern(unit, 4));
        }

        return escapes.ToString();
    }

    // The hex digits of a value, each letter matching either case: 0x2B -> 2[Bb].
    private static string HexPattern(int value, int digits)
    {
        var hex = value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var pattern = new StringBuilder();
        foreach (var digit in hex)
        {
            if (digit >= 'A' && digit <= 'F')
            {
                pattern.Append('[').Append(digit).Append(char.ToLowerInvariant(digit)).Append(']');
            }
            else
            {
                pattern.Append(digit);
            }
        }

        return pattern.ToString();
    }
}
