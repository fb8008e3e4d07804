using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Tests;

/// <summary>
/// The PowerShell-facing contract of the module's cmdlets, read from their compiled attributes (through
/// MetadataLoadContext) and written as one line per cmdlet, output type, parameter and parameter set, each line
/// naming its cmdlet and parameter, so a diff of two contracts says what changed where:
/// <code>
/// Add-MayarCredit: Cmdlet SupportsShouldProcess ConfirmImpact=Medium
/// Add-MayarCredit: OutputType Mayar.Credit.Client.CreditTopUp
/// Add-MayarCredit -Amount: Parameter System.Decimal Alias=Credit,credit_amount InvariantDecimalTransformation
/// Add-MayarCredit -Amount: ParameterSet __AllParameterSets Mandatory Position=2 ValueFromPipelineByPropertyName
/// </code>
/// A parameter's attributes are the PowerShell ones besides [Parameter] and [Alias] (validation, Allow*, argument
/// transformations), written like their source: <c>ValidateRange(1,600)</c>. Text with other than letters, digits,
/// '_', '.' and '-' is in single quotes (a type name also keeps its [], ? and &lt;,&gt;). <see cref="Parse"/> reads the lines back.
/// </summary>
public static partial class CmdletContract
{
    public const string AllSets = "__AllParameterSets";

    public static IReadOnlyList<ContractCmdlet> Read(IEnumerable<Type> cmdletTypes) =>
        cmdletTypes.Select(Read).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public static ContractCmdlet Read(Type type)
    {
        var cmdlet = ModuleMetadata.Attribute(type, "CmdletAttribute")!;
        var shouldProcess = (bool?)ModuleMetadata.Named(cmdlet, "SupportsShouldProcess") ?? false;
        var impact = NamedArgument(cmdlet, "ConfirmImpact");
        return new ContractCmdlet
        {
            Name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}",
            DefaultParameterSetName = (string?)ModuleMetadata.Named(cmdlet, "DefaultParameterSetName"),
            SupportsShouldProcess = shouldProcess,
            // PowerShell's default impact, so the line shows what -Confirm compares with $ConfirmPreference.
            ConfirmImpact = impact is { } declared ? Value(declared) : shouldProcess ? "Medium" : null,
            SupportsPaging = (bool?)ModuleMetadata.Named(cmdlet, "SupportsPaging") ?? false,
            OutputTypes = ModuleMetadata.Attributes(type, "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments
                    .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> list ? list : new[] { arg })
                    .Select(t => new ContractOutputType(t.Value is Type named ? TypeName(named) : (string)t.Value!, Strings(NamedArgument(a, "ParameterSetName")))))
                .ToList(),
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => ModuleMetadata.Attribute(p, "ParameterAttribute") is not null)
                .Select(ReadParameter)
                .ToList(),
        };
    }

    /// <summary>The contract's lines, sorted: cmdlets by name, then each cmdlet's output types and its parameters (by name), each followed by its sets.</summary>
    public static IEnumerable<string> Lines(IEnumerable<ContractCmdlet> cmdlets)
    {
        foreach (var cmdlet in cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            yield return $"{cmdlet.Name}: " + Join(
                "Cmdlet",
                cmdlet.DefaultParameterSetName is { } defaultSet ? "DefaultParameterSetName=" + Quote(defaultSet) : null,
                cmdlet.SupportsShouldProcess ? "SupportsShouldProcess" : null,
                cmdlet.ConfirmImpact is { } impact ? "ConfirmImpact=" + impact : null,
                cmdlet.SupportsPaging ? "SupportsPaging" : null);
            foreach (var output in cmdlet.OutputTypes.Select(o => Join("OutputType", QuoteType(o.Type), List("ParameterSetName", o.Sets))).OrderBy(l => l, StringComparer.Ordinal))
            {
                yield return $"{cmdlet.Name}: {output}";
            }

            foreach (var parameter in cmdlet.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var subject = $"{cmdlet.Name} -{parameter.Name}: ";
                yield return subject + Join(new[] { "Parameter", QuoteType(parameter.Type), List("Alias", parameter.Aliases) }.Concat(parameter.Attributes.OrderBy(a => a, StringComparer.Ordinal)).ToArray());
                foreach (var set in parameter.Sets.OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    yield return subject + Join(new[]
                    {
                        "ParameterSet", Quote(set.Name),
                        set.Mandatory ? "Mandatory" : null,
                        set.Position is { } position ? "Position=" + position.ToString(CultureInfo.InvariantCulture) : null,
                        set.ValueFromPipeline ? "ValueFromPipeline" : null,
                        set.ValueFromPipelineByPropertyName ? "ValueFromPipelineByPropertyName" : null,
                    }.Concat(set.Other.OrderBy(o => o, StringComparer.Ordinal)).ToArray());
                }
            }
        }
    }

    /// <summary>A contract file: the header's comment lines, then each cmdlet's lines and an empty line.</summary>
    public static string Text(IEnumerable<ContractCmdlet> cmdlets, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        foreach (var group in Lines(cmdlets).GroupBy(CmdletOf))
        {
            text.Append('\n');
            foreach (var line in group)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The lines of a contract file that state something: not comments (#) or empty lines.</summary>
    public static IReadOnlyList<string> Content(IEnumerable<string> fileLines) =>
        fileLines.Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    /// <summary>The cmdlet a line is about: the text before its first space or colon.</summary>
    public static string CmdletOf(string line) => line[..line.IndexOfAny(new[] { ' ', ':' })];

    private static ContractParameter ReadParameter(PropertyInfo property)
    {
        var positional = new[] { "ParameterSetName", "Mandatory", "Position", "ValueFromPipeline", "ValueFromPipelineByPropertyName" };
        return new ContractParameter
        {
            Name = property.Name,
            Type = TypeName(property.PropertyType),
            Aliases = ModuleMetadata.Attributes(property, "AliasAttribute").SelectMany(a => Strings(a.ConstructorArguments[0])).ToList(),
            Attributes = property.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name is not "ParameterAttribute" and not "AliasAttribute" && FromPowerShell(a.AttributeType))
                .Select(Attribute)
                .ToList(),
            Sets = ModuleMetadata.Attributes(property, "ParameterAttribute").Select(a => new ContractSet
            {
                Name = (string?)ModuleMetadata.Named(a, "ParameterSetName") ?? AllSets,
                Mandatory = (bool?)ModuleMetadata.Named(a, "Mandatory") ?? false,
                Position = (int?)ModuleMetadata.Named(a, "Position"),
                ValueFromPipeline = (bool?)ModuleMetadata.Named(a, "ValueFromPipeline") ?? false,
                ValueFromPipelineByPropertyName = (bool?)ModuleMetadata.Named(a, "ValueFromPipelineByPropertyName") ?? false,
                Other = a.NamedArguments.Where(n => !positional.Contains(n.MemberName)).Select(n => $"{n.MemberName}={Value(n.TypedValue)}").ToList(),
            }).ToList(),
        };
    }

    // A PowerShell attribute, or one derived from one (the module's argument transformations): not the compiler's.
    private static bool FromPowerShell(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.Assembly.GetName().Name == "System.Management.Automation")
            {
                return true;
            }
        }

        return false;
    }

    private static string Attribute(CustomAttributeData attribute)
    {
        var name = attribute.AttributeType.Name;
        name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
        var arguments = attribute.ConstructorArguments.Select(Value)
            .Concat(attribute.NamedArguments.Select(n => $"{n.MemberName}={Value(n.TypedValue)}"))
            .ToList();
        return arguments.Count == 0 ? name : $"{name}({string.Join(",", arguments)})";
    }

    private static string Value(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        IEnumerable<CustomAttributeTypedArgument> items => string.Join(",", items.Select(Value)),
        null => "null",
        _ when argument.ArgumentType.IsEnum => argument.ArgumentType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => Equals(f.GetRawConstantValue(), argument.Value))?.Name ?? Convert.ToString(argument.Value, CultureInfo.InvariantCulture)!,
        Type type => TypeName(type),
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => Quote(other.ToString()!),
    };

    private static CustomAttributeTypedArgument? NamedArgument(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (CustomAttributeTypedArgument?)a.TypedValue).FirstOrDefault();

    private static IReadOnlyList<string> Strings(CustomAttributeTypedArgument? argument) => argument?.Value switch
    {
        IEnumerable<CustomAttributeTypedArgument> items => items.Select(i => (string)i.Value!).ToList(),
        string one => new[] { one },
        _ => Array.Empty<string>(),
    };

    /// <summary>A type as C# writes it: System.String[], System.Decimal? for Nullable, Ns.Name&lt;A,B&gt; for other generics.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var arguments = type.GetGenericArguments().Select(TypeName).ToList();
        var definition = type.GetGenericTypeDefinition().FullName!;
        return definition == "System.Nullable`1" ? arguments[0] + "?" : $"{definition[..definition.IndexOf('`')]}<{string.Join(",", arguments)}>";
    }

    private static string Join(params string?[] tokens) => string.Join(" ", tokens.Where(t => t is not null));

    private static string? List(string name, IReadOnlyList<string> values) => values.Count == 0 ? null : name + "=" + string.Join(",", values.Select(Quote));

    private static string Quote(string text) =>
        Regex.IsMatch(text, @"^[A-Za-z0-9_.\-]+$") ? text : "'" + text.Replace("'", "''") + "'";

    // A type name keeps its [], ? and <,>: only a space or a quote would need quotes.
    private static string QuoteType(string type) => type.Any(c => char.IsWhiteSpace(c) || c == '\'') ? Quote(type) : type;
}
