using System;
using System.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>How CSV columns bind to the cmdlets' parameters: by property name, through the same aliases everywhere.</summary>
[Collection(ModuleCollection.Name)]
public sealed class CsvBindingTests
{
    private readonly ModuleMetadata _module;

    public CsvBindingTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void A_parameter_name_used_by_several_cmdlets_has_the_same_aliases_everywhere()
    {
        // A CSV header that binds to -ProductId of one cmdlet must bind to -ProductId of every cmdlet that has one.
        var shared = _module.Cmdlets
            .SelectMany(c => c.Parameters.Select(p => (Cmdlet: c.Name, Parameter: p)))
            .GroupBy(x => x.Parameter.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var group in shared)
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                Assert.True(
                    first.Parameter.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).SequenceEqual(other.Parameter.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
                    $"-{group.Key}: {first.Cmdlet} has aliases [{string.Join(", ", first.Parameter.Aliases)}], {other.Cmdlet} has [{string.Join(", ", other.Parameter.Aliases)}]");
            }
        }
    }

    [Fact]
    public void Aliases_are_unique_within_each_cmdlet()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            var names = c.Parameters.SelectMany(p => p.BindingNames).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    [Fact]
    public void Every_csv_friendly_input_binds_by_property_name()
    {
        // Options of the command (the connection, the window, the journal, whether to write what changed) are not
        // row data.
        var inputs = _module.Cmdlets
            .Where(c => c.Noun != "Mayar" && c.Noun != "MayarConnection")
            .SelectMany(c => c.Parameters.Where(p => p.Name is not "Connection" and not "ThrottleLimit" and not "JournalPath" and not "PassThru").Select(p => (Cmdlet: c.Name, Parameter: p)));
        Assert.All(inputs, x => Assert.True(x.Parameter.ValueFromPipelineByPropertyName, $"{x.Cmdlet} -{x.Parameter.Name}"));
    }

    [Fact]
    public void Non_integer_numeric_parameters_parse_with_the_invariant_culture()
    {
        var numeric = _module.Cmdlets
            .SelectMany(c => c.Parameters)
            .Where(p => p.TypeName is "System.Decimal" or "System.Decimal?" or "System.Double" or "System.Double?" or "System.Single" or "System.Single?")
            .ToList();
        Assert.NotEmpty(numeric);
        Assert.All(numeric, p => Assert.Contains("InvariantDecimalTransformationAttribute", p.AttributeNames));
    }
}
