using System;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace Mayar.Credit;

/// <summary>
/// The times of the module's output objects as PowerShell reads them, bound by Mayar.Credit.Types.ps1xml (loaded by
/// <see cref="MayarTypeData"/> when a command first writes an object with a time): each
/// DateTimeOffset (or DateTime) property of an output type has a CodeProperty of the same name, which PowerShell
/// finds before the .NET property. Its value is the very same DateTimeOffset (so <c>-is [DateTimeOffset]</c>, sorting,
/// comparison and arithmetic are unchanged) in a PSObject whose ToString() is the ISO 8601 round-trip text
/// ("o": 2026-12-02T08:12:05.1230000+00:00) in every culture. Export-Csv and ConvertTo-Csv write a property as
/// <c>property.Value.ToString()</c> (ExportCsvHelper.GetToStringValueForProperty), so a CSV carries that text instead
/// of the current culture's date, which loses the milliseconds and reads differently on every machine.
/// ToString with a format (<c>.ToString('yyyy-MM-dd')</c>, <c>'{0:u}' -f</c>, a view's FormatString) formats as
/// DateTimeOffset does. DateTimeOffset itself is not changed: only values read through these properties carry the
/// ToString, and C# callers of the client see plain properties.
/// </summary>
public static class MayarTimestamp
{
    /// <summary>The format of a timestamp's text: ISO 8601 round-trip, e.g. 2026-12-02T08:12:05.1230000+00:00.</summary>
    public const string TextFormat = "o";

    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    /// <summary>CreatedAt, as PowerShell reads it (CodeProperty getter).</summary>
    public static object? CreatedAt(PSObject instance) => Get(instance, nameof(CreatedAt));

    /// <summary>CreatedAt, as PowerShell sets it (CodeProperty setter).</summary>
    public static void SetCreatedAt(PSObject instance, object? value) => Set(instance, nameof(CreatedAt), value);

    /// <summary>UpdatedAt, as PowerShell reads it (CodeProperty getter).</summary>
    public static object? UpdatedAt(PSObject instance) => Get(instance, nameof(UpdatedAt));

    /// <summary>UpdatedAt, as PowerShell sets it (CodeProperty setter).</summary>
    public static void SetUpdatedAt(PSObject instance, object? value) => Set(instance, nameof(UpdatedAt), value);

    /// <summary>ExpiredAt, as PowerShell reads it (CodeProperty getter).</summary>
    public static object? ExpiredAt(PSObject instance) => Get(instance, nameof(ExpiredAt));

    /// <summary>ExpiredAt, as PowerShell sets it (CodeProperty setter).</summary>
    public static void SetExpiredAt(PSObject instance, object? value) => Set(instance, nameof(ExpiredAt), value);

    /// <summary>NextPayment, as PowerShell reads it (CodeProperty getter).</summary>
    public static object? NextPayment(PSObject instance) => Get(instance, nameof(NextPayment));

    /// <summary>NextPayment, as PowerShell sets it (CodeProperty setter).</summary>
    public static void SetNextPayment(PSObject instance, object? value) => Set(instance, nameof(NextPayment), value);

    /// <summary>ConnectedAt, as PowerShell reads it (CodeProperty getter; the connection's is read-only).</summary>
    public static object? ConnectedAt(PSObject instance) => Get(instance, nameof(ConnectedAt));

    /// <summary>TestedAt, as PowerShell reads it (CodeProperty getter; a connection test's is read-only).</summary>
    public static object? TestedAt(PSObject instance) => Get(instance, nameof(TestedAt));

    /// <summary>
    /// A time as a PSObject whose ToString() is the round-trip text; null stays null, and anything that is not a
    /// DateTimeOffset or DateTime is returned as it is.
    /// </summary>
    public static object? Wrap(object? value)
    {
        if (value is not (DateTimeOffset or DateTime))
        {
            return value;
        }

        var wrapped = new PSObject(value);
        wrapped.Methods.Add(new TimestampToStringMethod());
        return wrapped;
    }

    /// <summary>
    /// The ToString of a wrapped time (the CodeMethod's code reference). No arguments, or PowerShell's own call with
    /// no format (PSObject.ToString(null, provider)): the round-trip text. A format, a provider or both: what
    /// DateTimeOffset.ToString (or DateTime.ToString) makes of them.
    /// </summary>
    public static string Text(PSObject instance, params object?[]? arguments)
    {
        if (instance is null)
        {
            throw new ArgumentNullException(nameof(instance));
        }

        var value = instance.BaseObject;
        var count = arguments?.Length ?? 0;
        var first = count > 0 ? Unwrap(arguments![0]) : null;
        if (count == 0 || (count == 2 && first is null))
        {
            return RoundTrip(value);
        }

        if (value is not IFormattable formattable)
        {
            return value.ToString() ?? string.Empty;
        }

        if (count == 1 && first is IFormatProvider onlyProvider)
        {
            return formattable.ToString(null, onlyProvider);
        }

        var format = first is null ? null : (string)LanguagePrimitives.ConvertTo(first, typeof(string), CultureInfo.InvariantCulture);
        var provider = count > 1 ? Unwrap(arguments![1]) as IFormatProvider : null;
        return formattable.ToString(format, provider ?? CultureInfo.CurrentCulture);
    }

    private static string RoundTrip(object value) => value switch
    {
        DateTimeOffset offset => offset.ToString(TextFormat, CultureInfo.InvariantCulture),
        DateTime time => time.ToString(TextFormat, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static object? Get(PSObject instance, string name)
    {
        var target = instance.BaseObject;
        return Property(target, name) is { } property ? Wrap(property.GetValue(target)) : null;
    }

    private static void Set(PSObject instance, string name, object? value)
    {
        var target = instance.BaseObject;
        var property = Property(target, name);
        if (property?.SetMethod is not { IsPublic: true })
        {
            throw new SetValueException($"{name} is a ReadOnly property.");
        }

        // As PowerShell converts a value it sets on a .NET property: invariant culture, PSObjects unwrapped.
        property.SetValue(target, LanguagePrimitives.ConvertTo(value, property.PropertyType, CultureInfo.InvariantCulture));
    }

    private static PropertyInfo? Property(object target, string name) =>
        Properties.GetOrAdd((target.GetType(), name), key => key.Item1.GetProperty(key.Item2, BindingFlags.Public | BindingFlags.Instance));

    /// <summary>
    /// The ToString of a wrapped time. PSObject.ToString(format, provider) hands a format to a ToString member only
    /// when that member has more than one overload, so this one names DateTimeOffset's four; a plain PSCodeMethod has
    /// one, and a view's FormatString ({0:u}) or <c>'{0:yyyy}' -f</c> would be ignored. PowerShell copies a member
    /// it adds to an object, so Copy keeps the type.
    /// </summary>
    private sealed class TimestampToStringMethod : PSCodeMethod
    {
        private static readonly MethodInfo Reference = typeof(MayarTimestamp).GetMethod(nameof(Text))!;

        public TimestampToStringMethod()
            : base("ToString", Reference)
        {
        }

        public override Collection<string> OverloadDefinitions => new()
        {
            "string ToString()",
            "string ToString(string format)",
            "string ToString(System.IFormatProvider formatProvider)",
            "string ToString(string format, System.IFormatProvider formatProvider)",
        };

        public override PSMemberInfo Copy() => new TimestampToStringMethod();
    }
}
