using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// The compiled cmdlet contract is the one checked in as cmdlet-contract.txt. A change to a cmdlet's parameters,
/// aliases, sets, pipeline binding or output types fails here until the snapshot is regenerated
/// (<see cref="RegenerateCommand"/>) and its diff reviewed with the change.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class CmdletContractSnapshotTests
{
    public const string RegenerateCommand = "MAYAR_UPDATE_CONTRACT=1 dotnet test tests/Mayar.Credit.Tests --filter CmdletContract";
    public const string SnapshotFile = "tests/Mayar.Credit.Tests/cmdlet-contract.txt";

    private static readonly string[] Header =
    {
        "The PowerShell contract of every Mayar.Credit cmdlet, read from the compiled module (CmdletContract.cs).",
        "Do not edit: regenerate with",
        "    " + RegenerateCommand,
        "(PowerShell: $env:MAYAR_UPDATE_CONTRACT = 1; dotnet test tests/Mayar.Credit.Tests --filter CmdletContract)",
        "and review the diff. CmdletContractSnapshotTests fails while the compiled module differs from this file.",
    };

    private readonly ModuleMetadata _module;

    public CmdletContractSnapshotTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void The_compiled_cmdlet_contract_is_the_snapshot()
    {
        var path = Path.Combine(_module.RepoRoot, SnapshotFile);
        var compiled = CmdletContract.Read(_module.Cmdlets.Select(c => c.Type));
        if (Environment.GetEnvironmentVariable("MAYAR_UPDATE_CONTRACT") == "1")
        {
            var text = CmdletContract.Text(compiled, Header);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text);
            }

            return;
        }

        var snapshot = File.Exists(path) ? CmdletContract.Content(File.ReadAllLines(path)) : Array.Empty<string>();
        var difference = Difference(snapshot, CmdletContract.Lines(compiled).ToList());
        if (difference.Length > 0)
        {
            Assert.Fail(
                $"The compiled cmdlet contract differs from {SnapshotFile} (- in the snapshot only, + in the compiled module only):\n"
                + difference
                + $"If the change is meant, regenerate the snapshot and review its diff:\n    {RegenerateCommand}\n");
        }
    }

    [Theory]
    [InlineData("cmdlet-contract.txt")]
    [InlineData("cmdlet-contract-0.2.0.txt")]
    public void A_contract_file_reads_back_as_it_is_written(string file)
    {
        // The 0.2.0 check reads its file with Parse: what Parse reads must be every fact of every line.
        var lines = CmdletContract.Content(File.ReadAllLines(Path.Combine(_module.RepoRoot, "tests/Mayar.Credit.Tests", file)));
        Assert.NotEmpty(lines);
        Assert.Equal(lines, CmdletContract.Lines(CmdletContract.Parse(lines)));
    }

    [Fact]
    public void A_contract_line_quotes_text_that_is_not_a_plain_word()
    {
        var cmdlet = new ContractCmdlet
        {
            Name = "Get-MayarThing",
            OutputTypes = new List<ContractOutputType> { new("Mayar.Thing", new[] { "By Name" }) },
            Parameters = new List<ContractParameter>
            {
                new()
                {
                    Name = "Name",
                    Type = "System.String",
                    Aliases = new[] { "thing name", "it's" },
                    Attributes = new[] { "ValidatePattern('^a, (b)$')", "ValidateSet(a,'b c')" },
                    Sets = new List<ContractSet> { new() { Name = "By Name", Mandatory = true, Position = 0, Other = new[] { "HelpMessage='The name, whole.'" } } },
                },
            },
        };
        var lines = CmdletContract.Lines(new[] { cmdlet }).ToList();
        Assert.Equal(
            new[]
            {
                "Get-MayarThing: Cmdlet",
                "Get-MayarThing: OutputType Mayar.Thing ParameterSetName='By Name'",
                "Get-MayarThing -Name: Parameter System.String Alias='thing name','it''s' ValidatePattern('^a, (b)$') ValidateSet(a,'b c')",
                "Get-MayarThing -Name: ParameterSet 'By Name' Mandatory Position=0 HelpMessage='The name, whole.'",
            },
            lines);
        var parameter = CmdletContract.Parse(lines).Single().Parameters.Single();
        Assert.Equal(new[] { "thing name", "it's" }, parameter.Aliases);
        Assert.Equal(new[] { "a", "b c" }, CmdletContract.Arguments(parameter.Attributes[1]));
        Assert.Equal(lines, CmdletContract.Lines(CmdletContract.Parse(lines)));
    }

    // The lines only one side has, by cmdlet: each line names its cmdlet and parameter, so no context is needed.
    private static string Difference(IReadOnlyList<string> snapshot, IReadOnlyList<string> compiled)
    {
        var removed = snapshot.Except(compiled).Select(l => (Cmdlet: CmdletContract.CmdletOf(l), Line: "  - " + l));
        var added = compiled.Except(snapshot).Select(l => (Cmdlet: CmdletContract.CmdletOf(l), Line: "  + " + l));
        var text = new StringBuilder();
        foreach (var cmdlet in removed.Concat(added).GroupBy(d => d.Cmdlet).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(cmdlet.Key).Append('\n');
            foreach (var line in cmdlet)
            {
                text.Append(line.Line).Append('\n');
            }
        }

        return text.ToString();
    }
}
