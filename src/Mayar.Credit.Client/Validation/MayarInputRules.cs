using System;
using System.Globalization;
using System.Text;

namespace Mayar.Credit.Client;

/// <summary>
/// The validation rules applied before anything is sent. Each returns the normalized value or throws
/// <see cref="MayarArgumentException"/> naming the parameter and the rule.
/// </summary>
// Over 300 lines on purpose: every rule the operations share is here, so their messages read alike and one
// file shows everything the module refuses before sending.
public static class MayarInputRules
{
    /// <summary>Longest accepted name (the V2 credit documents' limit).</summary>
    public const int MaxNameLength = 250;

    /// <summary>Longest accepted email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Largest trial credit or checkout credit amount: the API types them as integers.</summary>
    public const decimal MaxTrialCredit = int.MaxValue;

    /// <summary>Longest accepted free-text value (city, payment method).</summary>
    public const int MaxTextLength = 255;

    /// <summary>A UUID as the credit API uses for products and customers; returned in lower-case canonical form.</summary>
    public static string Uuid(string? value, string parameter)
    {
        var text = Required(value, parameter);
        if (!Guid.TryParseExact(text, "D", out var id))
        {
            throw new MayarArgumentException(parameter, $"must be a UUID like 43eadce2-bc52-4e38-a832-93fb835f2a69, not '{Shorten(text)}'.");
        }

        return id.ToString("D");
    }

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

    /// <summary>Trial credit: a whole number from 0 to 2147483647.</summary>
    public static long? TrialCredit(decimal? value, string parameter) => WholeCredit(value, parameter, 0m);

    /// <summary>Credit to buy through a checkout: a whole number from 1 to 2147483647.</summary>
    public static long? CreditAmount(decimal? value, string parameter) => WholeCredit(value, parameter, 1m);

    /// <summary>An optional whole number of credits from <paramref name="minimum"/> to 2147483647 (the API takes an integer).</summary>
    private static long? WholeCredit(decimal? value, string parameter, decimal minimum)
    {
        // Blank text (an empty CSV cell) means "not given".
        if (value is null || IsRefusedArgument(value.Value, parameter, blankIsAbsent: true))
        {
            return null;
        }

        if (value.Value < minimum)
        {
            throw new MayarArgumentException(parameter, $"must be {minimum.ToString(CultureInfo.InvariantCulture)} or more, not {value.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (value.Value != decimal.Truncate(value.Value))
        {
            throw new MayarArgumentException(parameter, $"must be a whole number of credits (the API takes an integer), not {value.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (value.Value > MaxTrialCredit)
        {
            throw new MayarArgumentException(parameter, $"must be at most {MaxTrialCredit.ToString(CultureInfo.InvariantCulture)}, not {value.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return decimal.ToInt64(value.Value);
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

    /// <summary>A credit amount: a whole number from 1 to <see cref="int.MaxValue"/> (the API types it as a positive integer).</summary>
    public static long PositiveAmount(decimal? value, string parameter)
    {
        if (value is null || IsRefusedArgument(value.Value, parameter, blankIsAbsent: false))
        {
            throw new MayarArgumentException(parameter, "is required: a whole number of 1 or more.");
        }

        if (value < 1 || value > int.MaxValue || decimal.Truncate(value.Value) != value)
        {
            throw new MayarArgumentException(parameter, $"must be a whole number from 1 to {int.MaxValue}, not {value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return (long)value.Value;
    }

    /// <summary>A membership member id: 8 letters or digits (sent upper-case), e.g. PQVS4KGY.</summary>
    public static string MemberId(string? value, string parameter)
    {
        var text = Required(value, parameter).ToUpperInvariant();
        if (text.Length != 8 || !IsLettersOrDigits(text))
        {
            throw new MayarArgumentException(parameter, $"must be 8 letters or digits such as 'PQVS4KGY', not '{Shorten(text)}'.");
        }

        return text;
    }

    /// <summary>One of <paramref name="allowed"/>, in any case; returned as written in the list.</summary>
    public static string OneOf(string? value, string parameter, params string[] allowed)
    {
        var text = Required(value, parameter);
        foreach (var candidate in allowed)
        {
            if (string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new MayarArgumentException(parameter, $"must be one of {string.Join(", ", allowed)}, not '{Shorten(text)}'.");
    }

    /// <summary>A time range: the start, when both are given, is not after the end.</summary>
    public static void TimeRange(DateTimeOffset? since, DateTimeOffset? until, string sinceParameter, string untilParameter)
    {
        if (since is not null && until is not null && since > until)
        {
            throw new MayarArgumentException(sinceParameter, $"must not be after -{untilParameter}.");
        }
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

    /// <summary>Null when the value is absent; otherwise the rule applies (an empty string is not "absent").</summary>
    public static string? Optional(string? value, string parameter, Func<string?, string, string> rule) =>
        value is null ? null : rule(value, parameter);

    private static bool IsLettersOrDigits(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    // A value the whole-number argument transformation refused ($true, "1e3", "12abc"; InvariantNumber) is refused
    // here, naming the parameter; blank text is absent (true) when the parameter is optional, refused when it is not.
    private static bool IsRefusedArgument(decimal value, string parameter, bool blankIsAbsent)
    {
        if (!InvariantNumber.TryGetRefusal(value, out var description, out var blank))
        {
            return false;
        }

        if (blank && blankIsAbsent)
        {
            return true;
        }

        throw new MayarArgumentException(parameter, $"{InvariantNumber.WholeNumberRule}, not {description}.");
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static string Required(string? value, string parameter)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new MayarArgumentException(parameter, value is null ? "is required." : "must not be empty or white space.");
        }

        return text!;
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
