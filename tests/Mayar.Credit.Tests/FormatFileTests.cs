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

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var viewed = _format.Descendants("View").Where(v => v.Element("TableControl") is not null).Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value).ToHashSet();
        Assert.All(_module.Cmdlets.SelectMany(c => c.OutputTypes).Distinct(), type => Assert.Contains(type, viewed));
    }

    [Fact]
    public void Every_view_names_existing_properties_and_matching_headers()
    {
        foreach (var view in _format.Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            var type = _module.Module.GetType(typeName) ?? _module.Client.GetType(typeName);
            Assert.NotNull(type);
            var properties = type!.GetProperties().Select(p => p.Name).ToHashSet();
            var columns = view.Descendants("PropertyName").Select(p => p.Value).ToList();
            Assert.NotEmpty(columns);
            Assert.All(columns, c => Assert.Contains(c, properties));
            Assert.Equal(view.Descendants("TableColumnHeader").Count(), columns.Count);
        }
    }

    [Fact]
    public void No_view_shows_a_key() =>
        Assert.DoesNotContain(_format.Descendants("PropertyName"), p => p.Value == "ApiKey");
}
