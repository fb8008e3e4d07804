using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>Mayar.Credit.Format.ps1xml against the output types.</summary>
[Collection(ModuleCollection.Name)]
public sealed class FormatFileTests
{
    private readonly ModuleMetadata _module;
    private readonly XDocument _format;

    public FormatFileTests(ModuleMetadata module)
    {
        _module = module;
        _format = XDocument.Load(Path.Combine(module.ModuleFolder, "Mayar.Credit.Format.ps1xml"));
    }

    private IEnumerable<string> OutputTypes => _module.Cmdlets.SelectMany(c => c.OutputTypes).Distinct();

    private IEnumerable<XElement> Views => _format.Descendants("View");

    private static string SelectedType(XElement view) => view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;

    private static IReadOnlyList<string> Properties(XElement view) => view.Descendants("PropertyName").Select(p => p.Value).ToList();

    [Fact]
    public void Every_output_type_has_a_table_view_and_it_comes_first()
    {
        Assert.NotEmpty(OutputTypes);
        foreach (var type in OutputTypes)
        {
            var views = Views.Where(v => SelectedType(v) == type).ToList();
            Assert.True(views.Count > 0, $"{type} has no view");

            // PowerShell uses a type's first view by default: that must be the table.
            Assert.True(views[0].Element("TableControl") is not null, $"{type}'s first view is not a table");
        }
    }

    [Fact]
    public void Every_public_property_of_an_output_type_is_in_one_of_its_views()
    {
        foreach (var typeName in OutputTypes)
        {
            var type = Type(typeName);
            var shown = Views.Where(v => SelectedType(v) == typeName).SelectMany(Properties).ToHashSet();
            var hidden = type.GetProperties().Where(p => p.GetMethod?.IsPublic == true).Select(p => p.Name).Where(p => !shown.Contains(p)).ToList();
            Assert.True(hidden.Count == 0, $"{typeName}: no view shows {string.Join(", ", hidden)}; add them to its list view");
        }
    }

    [Fact]
    public void Every_view_names_existing_properties()
    {
        foreach (var view in Views)
        {
            var properties = Type(SelectedType(view)).GetProperties().Select(p => p.Name).ToHashSet();
            var columns = Properties(view);
            Assert.NotEmpty(columns);
            Assert.All(columns, c => Assert.Contains(c, properties));
            Assert.Equal(columns.Count, columns.Distinct().Count());
        }
    }

    [Fact]
    public void Table_headers_match_their_columns()
    {
        foreach (var table in _format.Descendants("TableControl"))
        {
            var headers = table.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();
            Assert.Equal(headers, Properties(table));
        }
    }

    [Fact]
    public void Every_view_has_a_unique_name()
    {
        var names = Views.Select(v => v.Element("Name")!.Value).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void No_view_shows_a_key() =>
        Assert.DoesNotContain(_format.Descendants("PropertyName"), p => p.Value == "ApiKey");

    private Type Type(string name) => _module.Module.GetType(name) ?? _module.Client.GetType(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not a type in the module");
}
