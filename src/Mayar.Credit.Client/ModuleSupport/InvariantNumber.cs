using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>
/// Parses numbers typed or read from CSV with the invariant culture, whatever the machine's culture:
/// PowerShell binds strings to binary cmdlets' numeric parameters with the current culture, so "12.50"
/// becomes 1250 on an id-ID or de-DE machine (PowerShell issue 6989).
/// </summary>
public static class InvariantNumber
{
    /// <summary>"12.50" → 12.50m. Accepts a leading sign and exponent; no thousands separators.</summary>
    public static decimal ParseDecimal(string text, string parameterName)
    {
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new MayarArgumentException(parameterName, $"must be a number written with '.' for decimals and no thousands separators (e.g. 12.50), not '{MayarInputRules.Shorten(trimmed)}'.");
    }

    /// <summary>
    /// What a decimal parameter's argument transformation does: a string becomes a decimal parsed with the
    /// invariant culture (blank means "not given", null); anything else is returned for normal binding.
    /// </summary>
    public static object? ConvertArgument(object? value, string parameterName)
    {
        if (value is not string text)
        {
            return value;
        }

        return text.Trim().Length == 0 ? null : ParseDecimal(text, parameterName);
    }
}
