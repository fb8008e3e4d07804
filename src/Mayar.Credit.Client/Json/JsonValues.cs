using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Mayar.Credit.Client;

/// <summary>Turns JSON into plain .NET values for output objects (objects become dictionaries, arrays object arrays).</summary>
internal static class JsonValues
{
    public static IDictionary<string, object?>? ToDictionary(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } obj ? (IDictionary<string, object?>?)ToValue(obj) : null;

    private static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var dictionary = new Dictionary<string, object?>();
                foreach (var property in element.EnumerateObject())
                {
                    dictionary[property.Name] = ToValue(property.Value);
                }

                return dictionary;
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToValue(item));
                }

                return list.ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return element.TryGetDecimal(out var exact) ? exact : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
