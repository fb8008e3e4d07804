using System.Globalization;

namespace Mayar.Credit.Client;

// The rules for credit amounts: whole numbers the API types as integers.
public static partial class MayarInputRules
{
    /// <summary>Largest trial credit or checkout credit amount: the API types them as integers.</summary>
    public const decimal MaxTrialCredit = int.MaxValue;

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
}
