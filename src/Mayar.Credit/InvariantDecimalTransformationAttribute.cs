using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// The argument transformation of the whole-number parameters (-Amount, -TrialCredit, -CreditAmount): digits are
/// read with the invariant culture before PowerShell's culture-sensitive binding sees them (PowerShell issue 6989),
/// and what is not a whole number ($true, "1e3", "1.5", "12abc", "0x10") does not bind as one: it becomes a marker
/// the input rules refuse with Mayar.InvalidArgument naming the parameter, before anything is sent
/// (<see cref="InvariantNumber.ConvertWholeArgument"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class InvariantDecimalTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>
    /// A whole number becomes a decimal; anything else a decimal or a refusal marker. Null (an empty last cell of a CSV
    /// row, which Import-Csv reads as null) is blank text: "not given" where the number is optional, refused as
    /// Mayar.InvalidArgument where it is required, rather than PowerShell's own binding error.
    /// </summary>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        InvariantNumber.ConvertWholeArgument((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) ?? string.Empty);
}
