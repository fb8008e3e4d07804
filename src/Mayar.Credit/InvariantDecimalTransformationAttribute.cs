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
        if (value is string text)
        {
            if (text.Trim().Length == 0)
            {
                return null;
            }

            try
            {
                return InvariantNumber.ParseDecimal(text, "value");
            }
            catch (MayarArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Rule, ex);
            }
        }

        return inputData;
    }
}
