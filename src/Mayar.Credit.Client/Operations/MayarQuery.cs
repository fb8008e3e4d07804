using System;
using System.Globalization;
using System.Text;

namespace Mayar.Credit.Client;

/// <summary>A route's path segments and query parameters, escaped as they are added; a null value is left out.</summary>
internal sealed class MayarQuery
{
    private readonly StringBuilder _text = new();

    public MayarQuery(string route)
    {
        Path = route;
    }

    /// <summary>The route with the segments filled in so far.</summary>
    public string Path { get; private set; }

    /// <summary>The query without '?'; null when it has no parameter.</summary>
    public string? Text => _text.Length == 0 ? null : _text.ToString();

    /// <summary>Fills in the route's <c>{name}</c> segment.</summary>
    public MayarQuery Segment(string name, string value)
    {
        Path = Path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds <c>name=value</c> unless the value is null.</summary>
    public MayarQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _text.Append(_text.Length == 0 ? string.Empty : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds a number, in invariant digits.</summary>
    public MayarQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));
}
