using System;
using System.Net;
using System.Security;

namespace Mayar.Credit.Client;

/// <summary>
/// An API key. Its value never appears in <see cref="ToString"/>, exceptions or traces; only
/// <see cref="Hint"/> (the last four characters) is shown.
/// </summary>
public sealed class MayarApiKey
{
    private readonly string _value;

    private MayarApiKey(string value)
    {
        _value = value;
    }

    /// <summary>A masked form, e.g. "…3f9a", safe to show.</summary>
    public string Hint => _value.Length >= 12 ? "\u2026" + _value.Substring(_value.Length - 4) : "\u2026";

    /// <summary>Creates a key from plain text.</summary>
    public static MayarApiKey FromString(string? value, string parameterName = "ApiKey")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new MayarArgumentException(parameterName, "must not be empty: pass the API key from the Mayar dashboard (Integrasi > API Keys).");
        }

        foreach (var c in trimmed!)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new MayarArgumentException(parameterName, "must not contain spaces or control characters: pass the key alone, without 'Bearer '.");
            }
        }

        return new MayarApiKey(trimmed);
    }

    /// <summary>Creates a key from a <see cref="SecureString"/>.</summary>
    public static MayarApiKey FromSecureString(SecureString? value, string parameterName = "ApiKey")
    {
        if (value is null || value.Length == 0)
        {
            throw new MayarArgumentException(parameterName, "must not be empty: pass the API key from the Mayar dashboard (Integrasi > API Keys).");
        }

        return FromString(new NetworkCredential(string.Empty, value).Password, parameterName);
    }

    /// <summary>The plain value: only for the Authorization header and for redaction.</summary>
    internal string Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => Hint;
}
