using System;
using System.Globalization;
using System.Numerics;

namespace Mayar.Credit.Client;

/// <summary>
/// The whole-number arguments of the module (-Amount, -TrialCredit, -CreditAmount): what their argument
/// transformation makes of a value before PowerShell's binding sees it. PowerShell would bind "12.50" with the
/// current culture (1250 on id-ID or de-DE; PowerShell issue 6989), "1e3" as 1000 and $true as 1; here only a whole
/// number passes: an integral number, a decimal or double with no fraction, or a string of ASCII digits with
/// optional surrounding whitespace. Anything else becomes a refusal marker, a decimal that
/// <see cref="TryGetRefusal"/> recognises, so that the input rules refuse it with Mayar.InvalidArgument naming the
/// parameter, before anything is sent (a transformation that throws would give PowerShell's own binding error).
/// </summary>
public static class InvariantNumber
{
    /// <summary>The rule a whole-number parameter states when it refuses a value.</summary>
    public const string WholeNumberRule = "must be a whole number: an integer, or digits only such as 100";

    // The marker: a negative decimal of scale 28 whose high words spell "MYAR" "REFU" and whose low word is the reason.
    private const int MarkerMid = 0x4D594152;
    private const int MarkerHigh = 0x52454655;
    private const int MarkerFlags = unchecked((int)0x801C0000);

    private static readonly string[] Reasons =
    {
        string.Empty,
        "blank text",
        "a boolean ($true is not 1)",
        "text with a sign",
        "text with a decimal point or separator",
        "text with an exponent (such as 1e3)",
        "hexadecimal text",
        "text that is not digits",
        "a number too large",
        "a number that is not finite",
        "a number with a fraction",
        "a value that is not a number",
    };

    private enum Reason
    {
        Blank = 1,
        Boolean,
        Sign,
        Separator,
        Exponent,
        Hex,
        OtherText,
        TooLarge,
        NotFinite,
        Fraction,
        OtherType,
    }

    /// <summary>
    /// What a whole-number parameter's argument transformation does: null stays null, a whole number becomes a
    /// decimal, a decimal or double with a fraction becomes that decimal (the input rules refuse it, naming it), and
    /// anything else (a boolean, text other than digits, blank text, a value that is not a number) becomes a
    /// refusal marker.
    /// </summary>
    public static object? ConvertWholeArgument(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return FromText(text);
            case bool:
                return Marker(Reason.Boolean);
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case decimal number:
                return number;
            case double or float:
                return FromDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case BigInteger big:
                return big >= new BigInteger(decimal.MinValue) && big <= new BigInteger(decimal.MaxValue) ? (decimal)big : Marker(Reason.TooLarge);
            default:
                return Marker(Reason.OtherType);
        }
    }

    /// <summary>True when <paramref name="value"/> is a refusal marker; <paramref name="description"/> says what was refused ("blank text").</summary>
    public static bool TryGetRefusal(decimal value, out string description, out bool blank)
    {
        var bits = decimal.GetBits(value);
        if (bits[1] == MarkerMid && bits[2] == MarkerHigh && bits[3] == MarkerFlags && bits[0] > 0 && bits[0] < Reasons.Length)
        {
            description = Reasons[bits[0]];
            blank = bits[0] == (int)Reason.Blank;
            return true;
        }

        description = string.Empty;
        blank = false;
        return false;
    }

    private static object FromText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Marker(Reason.Blank);
        }

        if (IsAsciiDigits(trimmed))
        {
            return decimal.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : Marker(Reason.TooLarge);
        }

        var unsigned = trimmed.TrimStart('+', '-');
        if (unsigned.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return Marker(Reason.Hex);
        }

        if (unsigned.IndexOfAny(new[] { 'e', 'E' }) >= 0 && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return Marker(Reason.Exponent);
        }

        if (unsigned.Length != trimmed.Length)
        {
            return Marker(Reason.Sign);
        }

        return Marker(trimmed.IndexOfAny(new[] { '.', ',' }) >= 0 ? Reason.Separator : Reason.OtherText);
    }

    private static object FromDouble(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return Marker(Reason.NotFinite);
        }

        if (Math.Abs(number) >= 7.9e28)
        {
            return Marker(Reason.TooLarge);
        }

        var converted = (decimal)number;
        if (number == Math.Truncate(number))
        {
            return converted;
        }

        // A fraction the conversion to decimal rounds away is still a fraction.
        return converted != decimal.Truncate(converted) ? converted : Marker(Reason.Fraction);
    }

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static decimal Marker(Reason reason) => new((int)reason, MarkerMid, MarkerHigh, isNegative: true, scale: 28);
}
