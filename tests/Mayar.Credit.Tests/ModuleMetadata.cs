using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Mayar.Credit.Tests;

/// <summary>
/// The staged module read through MetadataLoadContext: types and attributes without running anything
/// (PowerShellStandard.Library is a reference assembly and cannot execute). The module is the one staged by the
/// configuration this test assembly was built in (out/&lt;Configuration&gt;/Mayar.Credit/), so a build of another
/// configuration never changes what these tests read.
/// </summary>
public sealed class ModuleMetadata : IDisposable
{
    private readonly MetadataLoadContext _context;

    public ModuleMetadata()
    {
        RepoRoot = Metadata("RepoRoot");
        Configuration = Metadata("Configuration");
        ModuleFolder = Path.Combine(RepoRoot, "out", Configuration, "Mayar.Credit");
        DesktopFolder = Path.Combine(ModuleFolder, "Desktop");
        CoreFolder = Path.Combine(ModuleFolder, "Core");
        PackageFolder = Path.Combine(RepoRoot, "out", Configuration, "package");
        var sma = Metadata("SystemManagementAutomation");
        var paths = Directory.GetFiles(DesktopFolder, "*.dll")
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .Append(sma)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Module = _context.LoadFromAssemblyPath(Path.Combine(DesktopFolder, "Mayar.Credit.dll"));
        Client = _context.LoadFromAssemblyPath(Path.Combine(DesktopFolder, "Mayar.Credit.Client.dll"));
        PowerShell = _context.LoadFromAssemblyPath(sma);
        Cmdlets = Module.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && Attribute(t, "CmdletAttribute") is not null)
            .Select(t => new CmdletInfo(t))
            .ToList();
    }

    public string RepoRoot { get; }

    /// <summary>The build configuration of this test assembly, and so of the staged module it reads.</summary>
    public string Configuration { get; }

    /// <summary>out/&lt;Configuration&gt;/Mayar.Credit/: the loadable module folder.</summary>
    public string ModuleFolder { get; }

    /// <summary>Desktop/ of the module folder: the netstandard2.0 assemblies (Windows PowerShell 5.1), the ones read here.</summary>
    public string DesktopFolder { get; }

    /// <summary>Core/ of the module folder: the net8.0 assemblies for PowerShell 7, compiled from the same source.</summary>
    public string CoreFolder { get; }

    /// <summary>out/&lt;Configuration&gt;/package/: where the Gallery package is written.</summary>
    public string PackageFolder { get; }

    public Assembly Module { get; }

    public Assembly Client { get; }

    /// <summary>System.Management.Automation of PowerShellStandard.Library: the reference assembly the module is built against.</summary>
    public Assembly PowerShell { get; }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    /// <summary>The cmdlets the source manifest exports: the one list of the module's cmdlets that tests iterate.</summary>
    public static IReadOnlyList<string> ExportedCmdlets() =>
        new Mayar.Credit.Build.PowerShellDataFile(Path.Combine(Metadata("RepoRoot"), "Mayar.Credit.psd1")).List("CmdletsToExport")!
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public void Dispose() => _context.Dispose();

    internal static CustomAttributeData? Attribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

    internal static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

    internal static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    private static string Metadata(string key) =>
        typeof(ModuleMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>One cmdlet class as PowerShell would see it.</summary>
public sealed class CmdletInfo
{
    public CmdletInfo(Type type)
    {
        Type = type;
        var cmdlet = ModuleMetadata.Attribute(type, "CmdletAttribute")!;
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        SupportsShouldProcess = (bool?)ModuleMetadata.Named(cmdlet, "SupportsShouldProcess") ?? false;
        SupportsPaging = (bool?)ModuleMetadata.Named(cmdlet, "SupportsPaging") ?? false;
        DefaultParameterSetName = (string?)ModuleMetadata.Named(cmdlet, "DefaultParameterSetName");
        OutputTypes = ModuleMetadata.Attributes(type, "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> list ? list.Select(i => i.Value) : new[] { arg.Value })
            .OfType<Type>()
            .Select(t => t.FullName!)
            .ToList();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => ModuleMetadata.Attribute(p, "ParameterAttribute") is not null)
            .Select(p => new ParameterInfo(p))
            .ToList();
    }

    public Type Type { get; }

    public string Verb { get; }

    public string Noun { get; }

    public string Name => Verb + "-" + Noun;

    /// <summary>Built on MayarCmdlet: sends requests to the API (with -Connection and -ThrottleLimit).</summary>
    public bool IsApiCmdlet
    {
        get
        {
            for (var current = Type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.FullName == "Mayar.Credit.MayarCmdlet")
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool SupportsShouldProcess { get; }

    public bool SupportsPaging { get; }

    /// <summary>The parameters PowerShell adds from the Cmdlet attribute (-WhatIf/-Confirm, -First/-Skip/-IncludeTotalCount), which help documents like the declared ones.</summary>
    public IReadOnlyList<string> AddedParameters =>
        (SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>())
            .Concat(SupportsPaging ? new[] { "First", "Skip", "IncludeTotalCount" } : Array.Empty<string>())
            .ToList();

    public string? DefaultParameterSetName { get; }

    public IReadOnlyList<string> OutputTypes { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public ParameterInfo Parameter(string name) => Parameters.Single(p => p.Name == name);

    /// <summary>The sets in which a parameter is mandatory ("__AllParameterSets" when it is in every set).</summary>
    public IReadOnlyList<string> MandatoryIn(string name) => Parameter(name).MandatorySets;
}

/// <summary>One parameter: its [Parameter] attributes (one per set), aliases and validation.</summary>
public sealed class ParameterInfo
{
    public ParameterInfo(PropertyInfo property)
    {
        Property = property;
        var sets = ModuleMetadata.Attributes(property, "ParameterAttribute").ToList();
        Sets = sets.Select(a => (string?)ModuleMetadata.Named(a, "ParameterSetName") ?? "__AllParameterSets").ToList();
        Mandatory = sets.Any(a => (bool?)ModuleMetadata.Named(a, "Mandatory") == true);
        MandatorySets = sets.Where(a => (bool?)ModuleMetadata.Named(a, "Mandatory") == true)
            .Select(a => (string?)ModuleMetadata.Named(a, "ParameterSetName") ?? "__AllParameterSets")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        ValueFromPipelineByPropertyName = sets.Any(a => (bool?)ModuleMetadata.Named(a, "ValueFromPipelineByPropertyName") == true);
        ValueFromPipeline = sets.Any(a => (bool?)ModuleMetadata.Named(a, "ValueFromPipeline") == true);
        Position = sets.Select(a => (int?)ModuleMetadata.Named(a, "Position")).FirstOrDefault(p => p is not null);
        Aliases = ModuleMetadata.Attributes(property, "AliasAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(v => (string)v.Value!)
            .ToList();
        ValidateSet = ModuleMetadata.Attributes(property, "ValidateSetAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(v => (string)v.Value!)
            .ToList();
        var range = ModuleMetadata.Attribute(property, "ValidateRangeAttribute");
        Range = range is null ? null : (Convert.ToInt64(range.ConstructorArguments[0].Value), Convert.ToInt64(range.ConstructorArguments[1].Value));
        AttributeNames = property.GetCustomAttributesData().Select(a => a.AttributeType.Name).ToList();
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public string TypeName => Property.PropertyType.IsGenericType && Property.PropertyType.GetGenericTypeDefinition().FullName == "System.Nullable`1"
        ? Property.PropertyType.GetGenericArguments()[0].FullName + "?"
        : Property.PropertyType.FullName!;

    public IReadOnlyList<string> Sets { get; }

    public bool Mandatory { get; }

    public IReadOnlyList<string> MandatorySets { get; }

    public bool ValueFromPipelineByPropertyName { get; }

    public bool ValueFromPipeline { get; }

    public int? Position { get; }

    public IReadOnlyList<string> Aliases { get; }

    public IReadOnlyList<string> ValidateSet { get; }

    public (long Min, long Max)? Range { get; }

    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>The name and every alias: what a pipeline object's property may be called to bind here.</summary>
    public IEnumerable<string> BindingNames => Aliases.Prepend(Name);
}
