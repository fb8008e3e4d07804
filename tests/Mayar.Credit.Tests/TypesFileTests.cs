using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// Mayar.Credit.Types.ps1xml against the output types: every time property of every output type (DateTimeOffset or
/// DateTime, nullable or not) has its CodeProperty, so Export-Csv writes it as ISO 8601 round-trip text in every
/// culture (Mayar.Credit.MayarTimestamp); a property PowerShell users can set stays settable.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class TypesFileTests
{
    private const string Helper = "Mayar.Credit.MayarTimestamp";

    private readonly ModuleMetadata _module;
    private readonly XDocument _types;

    public TypesFileTests(ModuleMetadata module)
    {
        _module = module;
        _types = XDocument.Load(Path.Combine(module.ModuleFolder, "Mayar.Credit.Types.ps1xml"));
    }

    // The module's own types; a -Quiet switch's System.Boolean is PowerShell's.
    private IEnumerable<string> OutputTypes => _module.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => !t.StartsWith("System.", StringComparison.Ordinal)).Distinct();

    private Type TypeOf(string name) => _module.Module.GetType(name) ?? _module.Client.GetType(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not a type in the module");

    private static bool IsTime(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            type = type.GetGenericArguments()[0];
        }

        return type.FullName is "System.DateTimeOffset" or "System.DateTime";
    }

    private IEnumerable<(string Type, XElement Property)> CodeProperties =>
        _types.Root!.Elements("Type").SelectMany(t => t.Element("Members")!.Elements("CodeProperty").Select(p => (t.Element("Name")!.Value, p)));

    private XElement? CodeProperty(string type, string property) =>
        CodeProperties.Where(c => c.Type == type && c.Property.Element("Name")!.Value == property).Select(c => c.Property).SingleOrDefault();

    [Fact]
    public void Every_time_property_of_an_output_type_has_its_code_property()
    {
        var times = OutputTypes.SelectMany(t => TypeOf(t).GetProperties().Where(p => p.GetMethod?.IsPublic == true && IsTime(p.PropertyType)).Select(p => (t, p))).ToList();
        Assert.NotEmpty(times);
        var missing = times.Where(time => CodeProperty(time.t, time.p.Name) is null).Select(time => $"{time.t}.{time.p.Name}").ToList();
        Assert.True(missing.Count == 0, $"Mayar.Credit.Types.ps1xml has no CodeProperty for {string.Join(", ", missing)}: add one (and its getter in MayarTimestamp) so Export-Csv writes it in ISO 8601");
    }

    [Fact]
    public void Every_code_property_shadows_a_time_property_and_is_settable_exactly_when_it_is()
    {
        foreach (var (typeName, element) in CodeProperties)
        {
            var name = element.Element("Name")!.Value;
            var property = TypeOf(typeName).GetProperty(name);
            Assert.True(property is not null && IsTime(property.PropertyType), $"{typeName}.{name} is not a time property");
            Assert.True((property!.SetMethod?.IsPublic == true) == (element.Element("SetCodeReference") is not null), $"{typeName}.{name}: a setter in the types file exactly when the property has a public one");
        }
    }

    [Fact]
    public void Every_code_reference_is_a_method_powershell_can_call()
    {
        var helper = _module.Module.GetType(Helper)!;
        Assert.NotNull(helper);
        foreach (var (typeName, element) in CodeProperties)
        {
            var because = $"{typeName}.{element.Element("Name")!.Value}";
            var getter = Method(helper, element.Element("GetCodeReference")!, because);
            Assert.Equal("System.Object", getter.ReturnType.FullName);
            Assert.Equal(new[] { "System.Management.Automation.PSObject" }, getter.GetParameters().Select(p => p.ParameterType.FullName));

            if (element.Element("SetCodeReference") is { } setReference)
            {
                var setter = Method(helper, setReference, because);
                Assert.Equal("System.Void", setter.ReturnType.FullName);
                Assert.Equal(new[] { "System.Management.Automation.PSObject", "System.Object" }, setter.GetParameters().Select(p => p.ParameterType.FullName));
            }
        }
    }

    [Fact]
    public void The_types_file_only_adds_code_properties_to_the_modules_own_types()
    {
        foreach (var type in _types.Root!.Elements("Type"))
        {
            var name = type.Element("Name")!.Value;
            Assert.True(name.StartsWith("Mayar.Credit.", StringComparison.Ordinal), $"{name}: the module extends only its own types (a member on a .NET type would change it for the whole session)");
            Assert.All(type.Element("Members")!.Elements(), m => Assert.Equal("CodeProperty", m.Name.LocalName));
        }
    }

    private static MethodInfo Method(Type helper, XElement reference, string because)
    {
        Assert.Equal(Helper, reference.Element("TypeName")!.Value);
        var name = reference.Element("MethodName")!.Value;
        var methods = helper.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name).ToList();
        Assert.True(methods.Count == 1, $"{because}: {Helper} must have exactly one public static {name}");
        return methods[0];
    }
}
