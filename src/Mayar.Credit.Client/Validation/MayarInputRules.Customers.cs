using System;
using System.Text;

namespace Mayar.Credit.Client;

// The rules for a customer's details: name, email, phone, country, status and free text such as a city.
public static partial class MayarInputRules
{
    /// <summary>Longest accepted name (the V2 credit documents' limit).</summary>
    public const int MaxNameLength = 250;

    /// <summary>Longest accepted email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest accepted free-text value (city, payment method).</summary>
    public const int MaxTextLength = 255;

    /// <summary>A person's or organisation's name: not blank, at most 250 characters, no control characters.</summary>
    public static string Name(string? value, string parameter)
    {
        var text = Required(value, parameter);
        if (text.Length > MaxNameLength)
        {
            throw new MayarArgumentException(parameter, $"must be at most {MaxNameLength} characters, not {text.Length}.");
        }

        RejectControlCharacters(text, parameter);
        return text;
    }

    /// <summary>An email address: local@domain.tld, unicode letters allowed, no spaces.</summary>
    public static string Email(string? value, string parameter)
    {
        var text = Required(value, parameter);
        if (text.Length > MaxEmailLength)
        {
            throw new MayarArgumentException(parameter, $"must be at most {MaxEmailLength} characters, not {text.Length}.");
        }

        if (!IsEmail(text))
        {
            throw new MayarArgumentException(parameter, $"must be an email address like name@example.com, not '{Shorten(text)}'.");
        }

        return text;
    }

    /// <summary>
    /// A phone number: an optional leading '+' and 8 to 15 digits once spaces, dashes and parentheses are
    /// removed. Returns the number without those separators.
    /// </summary>
    public static string Phone(string? value, string parameter)
    {
        var text = Required(value, parameter);
        var digits = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '-' or '(' or ')')
            {
                continue;
            }

            if ((c == '+' && digits.Length == 0) || c is >= '0' and <= '9')
            {
                digits.Append(c);
                continue;
            }

            throw new MayarArgumentException(parameter, $"must be a phone number: an optional '+' then 8 to 15 digits (spaces, dashes and parentheses are ignored), not '{Shorten(text)}'.");
        }

        var count = digits.Length - (digits.Length > 0 && digits[0] == '+' ? 1 : 0);
        if (count < 8 || count > 15)
        {
            throw new MayarArgumentException(parameter, $"must have 8 to 15 digits (an optional '+' first; spaces, dashes and parentheses are ignored), not {count}: '{Shorten(text)}'.");
        }

        return digits.ToString();
    }

    /// <summary>An ISO 3166-1 alpha-2 country code, upper-cased; a country name gets a hint.</summary>
    public static string Country(string? value, string parameter)
    {
        var text = Required(value, parameter);
        var upper = text.ToUpperInvariant();
        if (upper.Length == 2 && CountryCodes.IsAssigned(upper))
        {
            return upper;
        }

        var hint = CountryCodes.FindCodeByName(text);
        if (hint is not null)
        {
            throw new MayarArgumentException(parameter, $"must be a two-letter ISO 3166-1 code, not '{Shorten(text)}': did you mean '{hint}'?");
        }

        throw new MayarArgumentException(parameter, $"must be a two-letter ISO 3166-1 country code such as 'ID' or 'TZ', not '{Shorten(text)}'.");
    }

    /// <summary>Customer status: active, inactive or suspended (any case; sent lower-case).</summary>
    public static string Status(string? value, string parameter)
    {
        var text = Required(value, parameter).ToLowerInvariant();
        if (text is "active" or "inactive" or "suspended")
        {
            return text;
        }

        throw new MayarArgumentException(parameter, $"must be one of active, inactive, suspended, not '{Shorten(value!.Trim())}'.");
    }

    /// <summary>Free text such as a city or payment method id: not blank, at most 255 characters, no control characters.</summary>
    public static string Text(string? value, string parameter)
    {
        var text = Required(value, parameter);
        if (text.Length > MaxTextLength)
        {
            throw new MayarArgumentException(parameter, $"must be at most {MaxTextLength} characters, not {text.Length}.");
        }

        RejectControlCharacters(text, parameter);
        return text;
    }

    private static void RejectControlCharacters(string text, string parameter)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                throw new MayarArgumentException(parameter, $"must not contain control characters such as tabs or line breaks (found U+{(int)c:X4}).");
            }
        }
    }

    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return false;
        }

        var local = text.Substring(0, at);
        var domain = text.Substring(at + 1);
        if (local.Length > 64 || local.StartsWith(".", StringComparison.Ordinal) || local.EndsWith(".", StringComparison.Ordinal) || local.Contains(".."))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(char.IsLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".IndexOf(c) >= 0))
            {
                return false;
            }
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        var tld = labels[labels.Length - 1];
        if (tld.Length < 2)
        {
            return false;
        }

        foreach (var c in tld)
        {
            if (!char.IsDigit(c))
            {
                return true;
            }
        }

        return false; // an all-digit top-level label is an IP address, not a mail domain
    }
}
