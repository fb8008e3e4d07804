using System;

namespace Mayar.Credit.Client;

/// <summary>
/// The one redaction point: every text that leaves the client (exception messages, server messages,
/// trace and debug lines) passes through <see cref="Redact"/>, which removes the API key.
/// </summary>
public sealed class MayarRedactor
{
    /// <summary>What replaces the key.</summary>
    public const string Mask = "***";

    private readonly string _secret;

    /// <summary>Creates a redactor for one key.</summary>
    public MayarRedactor(MayarApiKey key)
    {
        _secret = (key ?? throw new ArgumentNullException(nameof(key))).Reveal();
    }

    /// <summary>Returns <paramref name="text"/> with every occurrence of the key masked.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secret.Length == 0)
        {
            return text;
        }

        return text!.IndexOf(_secret, StringComparison.Ordinal) < 0 ? text : text.Replace(_secret, Mask);
    }
}
