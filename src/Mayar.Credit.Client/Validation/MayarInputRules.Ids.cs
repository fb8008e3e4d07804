using System;

namespace Mayar.Credit.Client;

// The rules for ids: UUIDs of products and customers, and membership member ids.
public static partial class MayarInputRules
{
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
}
