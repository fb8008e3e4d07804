using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// A script written for 0.2.0 still runs: everything of the released contract (cmdlet-contract-0.2.0.txt, never
/// regenerated) is still in the compiled module. Additions are allowed (cmdlets, parameters, aliases, sets, output
/// types, values of a ValidateSet, a type that takes more); nothing may be removed or renamed, and nothing that
/// bound may stop binding: no parameter newly mandatory in a 0.2.0 set, positions and pipeline binding kept, the
/// same default set.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class CmdletContractBaselineTests
{
    public const string BaselineFile = "tests/Mayar.Credit.Tests/cmdlet-contract-0.2.0.txt";

    private readonly ModuleMetadata _module;

    public CmdletContractBaselineTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void Nothing_of_the_0_2_0_contract_was_removed_or_renamed()
    {
        var baseline = CmdletContract.Parse(File.ReadAllLines(Path.Combine(_module.RepoRoot, BaselineFile)));
        Assert.NotEmpty(baseline);
        var compiled = CmdletContract.Read(_module.Cmdlets.Select(c => c.Type));
        var broken = Breaks(baseline, compiled).ToList();
        if (broken.Count > 0)
        {
            Assert.Fail($"The compiled module breaks the 0.2.0 contract ({BaselineFile}):\n" + string.Concat(broken.Select(b => "  " + b + "\n")));
        }
    }

    [Fact]
    public void A_removed_alias_a_renamed_parameter_and_a_new_mandatory_one_break_the_0_2_0_contract()
    {
        var released = CmdletContract.Parse(new[]
        {
            "Get-MayarThing: Cmdlet DefaultParameterSetName=ById",
            "Get-MayarThing: OutputType Mayar.Thing",
            "Get-MayarThing -Id: Parameter System.String Alias=thing_id,ThingId",
            "Get-MayarThing -Id: ParameterSet ById Mandatory Position=0 ValueFromPipelineByPropertyName",
            "Get-MayarThing -Kind: Parameter System.String ValidateSet(a,b)",
            "Get-MayarThing -Kind: ParameterSet __AllParameterSets",
        });
        var changed = CmdletContract.Parse(new[]
        {
            "Get-MayarThing: Cmdlet DefaultParameterSetName=ById",
            "Get-MayarThing: OutputType Mayar.Thing",
            "Get-MayarThing -Id: Parameter System.String[] Alias=thing_id",
            "Get-MayarThing -Id: ParameterSet ById Mandatory Position=1 ValueFromPipelineByPropertyName",
            "Get-MayarThing -Type: Parameter System.String ValidateSet(a,b)",
            "Get-MayarThing -Type: ParameterSet __AllParameterSets Mandatory",
        });
        Assert.Equal(
            new[]
            {
                "Get-MayarThing -Id: alias ThingId removed",
                "Get-MayarThing -Id: in set ById at position 1, was 0",
                "Get-MayarThing -Kind: removed or renamed",
                "Get-MayarThing -Type: new and mandatory in __AllParameterSets, a set of 0.2.0",
            },
            Breaks(released, changed));
        Assert.Empty(Breaks(released, released));
    }

    private static IEnumerable<string> Breaks(IEnumerable<ContractCmdlet> baseline, IEnumerable<ContractCmdlet> compiled)
    {
        var now = compiled.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var old in baseline)
        {
            if (!now.TryGetValue(old.Name, out var cmdlet))
            {
                yield return $"{old.Name}: removed or renamed";
                continue;
            }

            if (old.DefaultParameterSetName != cmdlet.DefaultParameterSetName)
            {
                yield return $"{old.Name}: default parameter set {old.DefaultParameterSetName ?? "(none)"} is now {cmdlet.DefaultParameterSetName ?? "(none)"}";
            }

            foreach (var output in old.OutputTypes.Where(o => !cmdlet.OutputTypes.Any(n => n.Type == o.Type && (n.Sets.Count == 0 || (o.Sets.Count > 0 && o.Sets.All(n.Sets.Contains))))))
            {
                yield return $"{old.Name}: OutputType {output.Type}{(output.Sets.Count == 0 ? "" : " in " + string.Join(",", output.Sets))} no longer declared";
            }

            foreach (var parameter in old.Parameters)
            {
                var current = cmdlet.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (current is null)
                {
                    yield return $"{old.Name} -{parameter.Name}: removed or renamed";
                    continue;
                }

                foreach (var problem in ParameterBreaks(parameter, current))
                {
                    yield return $"{old.Name} -{parameter.Name}: {problem}";
                }
            }

            var sets = old.Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Append(CmdletContract.AllSets).ToHashSet();
            var added = cmdlet.Parameters.Where(p => !old.Parameters.Any(o => string.Equals(o.Name, p.Name, StringComparison.OrdinalIgnoreCase)));
            foreach (var (parameter, set) in added.SelectMany(p => p.Sets.Where(s => s.Mandatory && sets.Contains(s.Name)).Select(s => (p, s))))
            {
                yield return $"{old.Name} -{parameter.Name}: new and mandatory in {set.Name}, a set of 0.2.0";
            }
        }
    }

    private static IEnumerable<string> ParameterBreaks(ContractParameter old, ContractParameter current)
    {
        foreach (var alias in old.Aliases.Where(a => !current.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"alias {alias} removed";
        }

        foreach (var set in old.Sets)
        {
            var now = current.Sets.FirstOrDefault(s => s.Name == set.Name) ?? current.Sets.FirstOrDefault(s => s.Name == CmdletContract.AllSets);
            if (now is null)
            {
                yield return $"no longer in set {set.Name} (now in {string.Join(",", current.Sets.Select(s => s.Name))})";
                continue;
            }

            if (now.Mandatory && !set.Mandatory)
            {
                yield return $"mandatory in set {set.Name}, was optional";
            }

            if (set.Position is { } position && now.Position != position)
            {
                yield return $"in set {set.Name} at position {now.Position?.ToString() ?? "(named)"}, was {position}";
            }

            if (set.ValueFromPipeline && !now.ValueFromPipeline)
            {
                yield return $"no longer binds from the pipeline in set {set.Name}";
            }

            if (set.ValueFromPipelineByPropertyName && !now.ValueFromPipelineByPropertyName)
            {
                yield return $"no longer binds by property name in set {set.Name}";
            }
        }

        var validateSet = current.Attributes.FirstOrDefault(a => a.StartsWith("ValidateSet(", StringComparison.Ordinal));
        foreach (var attribute in old.Attributes.Where(a => a.StartsWith("ValidateSet(", StringComparison.Ordinal) && validateSet is not null))
        {
            foreach (var value in CmdletContract.Arguments(attribute).Except(CmdletContract.Arguments(validateSet!), StringComparer.OrdinalIgnoreCase))
            {
                yield return $"ValidateSet no longer accepts {value}";
            }
        }
    }
}
