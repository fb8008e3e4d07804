using System;
using System.Collections;
using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// On an id parameter that takes plain ids from the pipeline (ValueFromPipeline): only text (or a Guid) binds. Any
/// other object is refused as an invalid cast, which PowerShell's pipeline binding treats as "this parameter does not
/// take it" and goes on: so a CSV row or a result object binds by property name (its customer_id, or its member_id in
/// the other parameter set) instead of being turned into the text "@{member_id=…}" by value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PlainTextTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>Text and Guids, alone or in a collection, pass unchanged; anything else is an invalid cast.</summary>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = Unwrap(inputData);
        if (value is null || IsPlain(value))
        {
            return inputData;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                var element = Unwrap(item);
                if (element is not null && !IsPlain(element))
                {
                    throw Refused(element);
                }
            }

            return inputData;
        }

        throw Refused(value);
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static bool IsPlain(object value) => value is string or Guid;

    // PSInvalidCastException inside: the pipeline binder skips this parameter rather than failing the row.
    private static ArgumentTransformationMetadataException Refused(object value)
    {
        var message = $"An id is text (or a Guid), not a {(value is PSCustomObject ? "row object" : value.GetType().Name)}: pass the id itself, or an object with the id as a property.";
        return new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
    }
}
