using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Converts strings to decimal with the invariant culture before PowerShell's culture-sensitive
/// binding sees them ("12.50" stays 12.50 on id-ID and de-DE machines; PowerShell issue 6989).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class InvariantDecimalTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>Strings become decimals; everything else passes through to normal binding.</summary>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string)
        {
            return inputData;
        }

        try
        {
            return InvariantNumber.ConvertArgument(value, "value");
        }
        catch (MayarArgumentException ex)
        {
            // PowerShell prefixes "Cannot process argument transformation on parameter 'X'." to this.
            throw new ArgumentTransformationMetadataException(char.ToUpperInvariant(ex.Rule[0]) + ex.Rule.Substring(1), ex);
        }
    }
}
