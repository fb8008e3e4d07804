using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// Replaces PSObject wrappers (which PowerShell puts around many values inside hashtables) with their
/// base objects, recursively, so the client — which knows nothing of PowerShell — sees plain .NET values.
/// A PSCustomObject becomes a dictionary of its properties; key order is kept.
/// </summary>
internal static class PSObjectUnwrapper
{
    private const int MaxDepth = 32;

    public static OrderedDictionary Unwrap(IDictionary dictionary) => UnwrapDictionary(dictionary, 0);

    private static object? UnwrapValue(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            return value; // the client reports the nesting limit with the key path
        }

        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject)
            {
                var properties = new OrderedDictionary();
                foreach (var property in wrapped.Properties)
                {
                    properties[property.Name] = UnwrapValue(property.Value, depth + 1);
                }

                return properties;
            }

            value = wrapped.BaseObject;
        }

        return value switch
        {
            string => value,
            IDictionary dictionary => UnwrapDictionary(dictionary, depth + 1),
            IEnumerable list => UnwrapList(list, depth + 1),
            _ => value,
        };
    }

    private static OrderedDictionary UnwrapDictionary(IDictionary dictionary, int depth)
    {
        var copy = new OrderedDictionary(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key is PSObject wrappedKey ? wrappedKey.BaseObject : entry.Key;
            copy[key] = UnwrapValue(entry.Value, depth);
        }

        return copy;
    }

    private static object?[] UnwrapList(IEnumerable list, int depth)
    {
        var items = new List<object?>();
        foreach (var item in list)
        {
            items.Add(UnwrapValue(item, depth));
        }

        return items.ToArray();
    }
}
