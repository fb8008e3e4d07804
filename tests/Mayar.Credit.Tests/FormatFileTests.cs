using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>The format files (Mayar.Credit.&lt;Area&gt;.Format.ps1xml) against the output types.</summary>
[Collection(ModuleCollection.Name)]
public sealed class FormatFileTests
{
    private readonly ModuleMetadata _module;
    private readonly IReadOnlyList<XDocument> _formats;

    public FormatFileTests(ModuleMetadata module)
    {
        _module = module;
        _formats = Directory.GetFiles(module.ModuleFolder, "Mayar.Credit.*.Format.ps1xml").OrderBy(f => f, StringComparer.Ordinal).Select(XDocument.Load).ToList();
    }

    // The module's own types; a -Quiet switch's System.Boolean is formatted by PowerShell.
    private IEnumerable<string> OutputTypes => _module.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => !t.StartsWith("System.", StringComparison.Ordinal)).Distinct();

    private IEnumerable<XElement> Views => _formats.SelectMany(f => f.Descendants("View"));

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
        foreach (var table in _formats.SelectMany(f => f.Descendants("TableControl")))
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

    // PowerShell's table layout: a column with a Width is fixed (longer text is cut with '…'), one space separates
    // columns, and a column without a Width takes what is left of the line. The console host gives a table one
    // column less than the window (it leaves the last one empty): 79 in an 80-column terminal.
    private const int TerminalWidth = 80;

    private const int TableWidth = TerminalWidth - 1;

    // The column without a Width holds a value of varying length (an email, an address): in an 80-column terminal
    // it must keep at least this much, e.g. a 30-character email.
    private const int FlexibleColumnMinimum = 30;

    // A UUID, as customer and product ids are.
    private const int IdWidth = 36;

    // A balance of 1234567.89.
    private const int DecimalWidth = 10;

    private sealed record Column(string Label, int? Width, bool RightAligned);

    private static IReadOnlyList<Column> Columns(XElement view) =>
        view.Element("TableControl")!.Element("TableHeaders")!.Elements("TableColumnHeader")
            .Select(h => new Column(
                h.Element("Label")!.Value,
                h.Element("Width") is { } width ? int.Parse(width.Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                h.Element("Alignment")?.Value == "Right"))
            .ToList();

    private IEnumerable<XElement> TableViews => Views.Where(v => v.Element("TableControl") is not null);

    private static string ViewName(XElement view) => view.Element("Name")!.Value;

    /// <summary>What a column gets in an 80-column terminal: its Width, or what the others leave.</summary>
    private static int RenderedWidth(IReadOnlyList<Column> columns, Column column) =>
        column.Width ?? TableWidth - columns.Sum(c => c.Width ?? 0) - (columns.Count - 1);

    [Fact]
    public void Every_column_has_a_width_or_is_the_last()
    {
        foreach (var view in TableViews)
        {
            var columns = Columns(view);
            var widthless = columns.Take(columns.Count - 1).Where(c => c.Width is null).Select(c => c.Label).ToList();
            Assert.True(widthless.Count == 0, $"{ViewName(view)}: {string.Join(", ", widthless)} need a Width; only the last column may take what is left");
        }
    }

    // A value longer than its column (a 55-character email, a checkout link) goes on over the next lines instead of
    // being cut with '…': every character of it is shown.
    [Fact]
    public void Every_table_row_wraps_long_values_instead_of_cutting_them()
    {
        foreach (var view in TableViews)
        {
            var rows = view.Descendants("TableRowEntry").ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.True(row.Element("Wrap") is not null, $"{ViewName(view)}: its TableRowEntry needs <Wrap/>"));
        }
    }

    [Fact]
    public void A_checkouts_table_shows_its_link()
    {
        var view = TableViews.Single(v => SelectedType(v) == "Mayar.Credit.Client.CreditCheckout");
        Assert.Equal("CheckoutUrl", Columns(view)[^1].Label);
        Assert.Null(Columns(view)[^1].Width);
    }

    [Fact]
    public void Every_table_fits_80_columns()
    {
        foreach (var view in TableViews)
        {
            var columns = Columns(view);
            var used = columns.Sum(c => c.Width ?? FlexibleColumnMinimum) + (columns.Count - 1);
            Assert.True(used <= TableWidth, $"{ViewName(view)} needs {used} columns (widths, {FlexibleColumnMinimum} for a column without a width, one space between columns); an {TerminalWidth}-column terminal gives a table {TableWidth}");
        }
    }

    [Fact]
    public void No_header_is_cut_or_wrapped()
    {
        foreach (var view in TableViews)
        {
            var columns = Columns(view);
            foreach (var column in columns)
            {
                Assert.True(RenderedWidth(columns, column) >= column.Label.Length, $"{ViewName(view)}: {column.Label} is wider than its column");
            }
        }
    }

    [Fact]
    public void Id_columns_hold_a_whole_uuid()
    {
        foreach (var view in TableViews)
        {
            var columns = Columns(view);
            foreach (var column in columns.Where(c => c.Label.EndsWith("Id", StringComparison.Ordinal)))
            {
                // A membership member id is 8 letters or digits (MayarInputRules.MemberId), not a UUID.
                var idWidth = column.Label == "MemberId" ? 8 : IdWidth;
                Assert.True(RenderedWidth(columns, column) >= idWidth, $"{ViewName(view)}: {column.Label} must hold a {idWidth}-character id in an {TerminalWidth}-column terminal, or go to the list view");
            }
        }
    }

    [Fact]
    public void Numeric_columns_are_right_aligned_and_hold_a_balance()
    {
        foreach (var view in TableViews)
        {
            var type = Type(SelectedType(view));
            var columns = Columns(view);
            foreach (var column in columns)
            {
                var property = NumericType(type.GetProperty(column.Label)!.PropertyType);
                if (property is null)
                {
                    Assert.False(column.RightAligned, $"{ViewName(view)}: {column.Label} is not a number; only numbers are right-aligned");
                    continue;
                }

                Assert.True(column.RightAligned, $"{ViewName(view)}: {column.Label} is a number and must be right-aligned");
                if (property == "System.Decimal")
                {
                    Assert.True(RenderedWidth(columns, column) >= DecimalWidth, $"{ViewName(view)}: {column.Label} must hold {DecimalWidth} characters (1234567.89)");
                }
            }
        }
    }

    /// <summary>The full name of a numeric property type (nullable or not), or null when it is not a number.</summary>
    private static string? NumericType(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            type = type.GetGenericArguments()[0];
        }

        return type.FullName is "System.Decimal" or "System.Int32" or "System.Int64" or "System.Double" ? type.FullName : null;
    }

    [Fact]
    public void No_view_shows_a_key() =>
        Assert.DoesNotContain(_formats.SelectMany(f => f.Descendants("PropertyName")), p => p.Value == "ApiKey");

    private Type Type(string name) => _module.Module.GetType(name) ?? _module.Client.GetType(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not a type in the module");
}
