using System;

namespace Mayar.Credit.Client;

/// <summary>
/// The validation rules applied before anything is sent. Each returns the normalized value or throws
/// <see cref="MayarArgumentException"/> naming the parameter and the rule.
/// </summary>
// One class across four files, so that the rules' messages read alike and one class names everything refused
// before sending. This part holds the general rules and the helpers every part uses; MayarInputRules.Customers.cs
// a customer's details, MayarInputRules.Amounts.cs credit amounts, MayarInputRules.Ids.cs the ids.
public static partial class MayarInputRules
{
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

    /// <summary>Null when the value is absent; otherwise the rule applies (an empty string is not "absent").</summary>
    public static string? Optional(string? value, string parameter, Func<string?, string, string> rule) =>
        value is null ? null : rule(value, parameter);

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
}
