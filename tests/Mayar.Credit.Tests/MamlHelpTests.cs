using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>The generated en-US/Mayar.Credit.dll-Help.xml (what Get-Help reads) against the compiled cmdlets.</summary>
[Collection(ModuleCollection.Name)]
public sealed class MamlHelpTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly ModuleMetadata _module;
    private readonly Dictionary<string, XElement> _commands;

    public MamlHelpTests(ModuleMetadata module)
    {
        _module = module;
        var document = XDocument.Load(Path.Combine(module.ModuleFolder, "en-US", "Mayar.Credit.dll-Help.xml"));
        Assert.Equal("helpItems", document.Root!.Name.LocalName);
        _commands = document.Root.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
    }

    public static IEnumerable<object[]> CmdletNames() =>
        ModuleMetadata.ExportedCmdlets().Select(n => new object[] { n });

    [Fact]
    public void Every_cmdlet_has_help_and_no_help_is_for_a_cmdlet_that_does_not_exist() =>
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).OrderBy(n => n), _commands.Keys.OrderBy(n => n));

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_has_a_synopsis_a_description_and_at_least_two_examples(string cmdlet)
    {
        var command = _commands[cmdlet];
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")!.Value));
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} examples");
        Assert.All(examples, e => Assert.Contains(cmdlet, e.Element(Dev + "code")!.Value));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_documents_every_parameter_and_only_those(string cmdlet)
    {
        var info = _module.Cmdlet(cmdlet);
        var expected = info.Parameters.Select(p => p.Name).Concat(info.AddedParameters).ToList();

        Assert.Equal(expected.OrderBy(n => n), Parameters(cmdlet).Keys.OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Each_documented_parameter_matches_its_compiled_attributes(string cmdlet)
    {
        var documented = Parameters(cmdlet);
        foreach (var parameter in _module.Cmdlet(cmdlet).Parameters)
        {
            var help = documented[parameter.Name];
            var because = $"{cmdlet} -{parameter.Name}";
            Assert.False(string.IsNullOrWhiteSpace(help.Element(Maml + "description")!.Value), because + " has no description");
            Assert.True(parameter.Mandatory == (help.Attribute("required")!.Value == "true"), because + ": required");
            Assert.Equal(parameter.Position?.ToString() ?? "named", help.Attribute("position")!.Value);
            Assert.True(parameter.ValueFromPipelineByPropertyName == help.Attribute("pipelineInput")!.Value.Contains("ByPropertyName"), because + ": pipeline input");
            var aliases = help.Attribute("aliases")!.Value;
            Assert.Equal(parameter.Aliases.OrderBy(a => a), (aliases == "none" ? new string[0] : aliases.Split(", ")).OrderBy(a => a));
            var accepted = help.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value).ToList() ?? new List<string>();
            Assert.Equal(parameter.ValidateSet.OrderBy(v => v), accepted.OrderBy(v => v));
            Assert.Equal(PlainTypeName(parameter.Property.PropertyType), help.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        }
    }

    // What help shows for a parameter's type, as PowerShell's own help does: the type's name, and for a Nullable<T>
    // (-TrialCredit decimal?, -Since DateTime?) T's name: Decimal, not Nullable`1[Decimal].
    private static string PlainTypeName(System.Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0].Name : type.Name;

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void A_nullable_parameter_shows_its_plain_type_in_the_syntax_and_the_parameters(string cmdlet)
    {
        var command = _commands[cmdlet];
        foreach (var parameter in _module.Cmdlet(cmdlet).Parameters.Where(p => p.Property.PropertyType.IsGenericType && p.Property.PropertyType.GetGenericTypeDefinition().FullName == "System.Nullable`1"))
        {
            var plain = parameter.Property.PropertyType.GetGenericArguments()[0].Name;
            var shown = command.Descendants(Command + "parameter").Where(p => p.Element(Maml + "name")!.Value == parameter.Name).ToList();
            Assert.NotEmpty(shown);
            Assert.All(shown, p =>
            {
                Assert.Equal(plain, p.Element(Dev + "type")!.Element(Maml + "name")!.Value);
                Assert.Equal(plain, p.Element(Command + "parameterValue")!.Value);
            });
        }

        var names = command.Descendants(Command + "parameterValue").Select(v => v.Value)
            .Concat(command.Descendants(Dev + "type").Select(t => t.Element(Maml + "name")!.Value));
        Assert.DoesNotContain(names, n => n.Contains("Nullable", System.StringComparison.Ordinal) || n.Contains('`'));
    }

    [Fact]
    public void The_nullable_parameters_of_the_module_include_the_known_ones()
    {
        // The theory above holds for every cmdlet; these are the parameters that made it necessary.
        var nullable = _module.Cmdlets.SelectMany(c => c.Parameters.Where(p => p.TypeName.EndsWith('?')).Select(p => c.Name + " -" + p.Name)).ToList();
        Assert.Contains("Register-MayarCustomer -TrialCredit", nullable);
        Assert.Contains("Get-MayarCreditHistory -Since", nullable);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Get_Help_Online_opens_the_cmdlets_page_in_the_repository(string cmdlet)
    {
        // Get-Help -Online opens the first related link with a URI: the page's "online version".
        var projectUri = new Mayar.Credit.Build.PowerShellDataFile(Path.Combine(_module.ModuleFolder, "Mayar.Credit.psd1")).String("ProjectUri")!;
        var first = _commands[cmdlet].Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").First();
        Assert.Equal("Online Version:", first.Element(Maml + "linkText")!.Value);
        Assert.Equal($"{projectUri}/blob/main/docs/{cmdlet}.md", first.Element(Maml + "uri")!.Value);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_syntax_has_one_item_per_parameter_set_with_that_sets_parameters(string cmdlet)
    {
        var info = _module.Cmdlet(cmdlet);
        var sets = info.Parameters.SelectMany(p => p.Sets).Where(s => s != "__AllParameterSets").Distinct().ToList();

        // A default set no parameter names (say, a list beside a read by key) is a set of its own: the shared parameters.
        if (sets.Count > 0 && info.DefaultParameterSetName is { } defaultSet && !sets.Contains(defaultSet))
        {
            sets.Add(defaultSet);
        }

        var items = _commands[cmdlet].Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(sets.Count == 0 ? 1 : sets.Count, items.Count);
        foreach (var item in items)
        {
            var names = item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToHashSet();
            var matches = sets.Count == 0
                ? new[] { info.Parameters.Select(p => p.Name) }
                : sets.Select(set => info.Parameters.Where(p => p.Sets.Contains(set) || p.Sets.Contains("__AllParameterSets")).Select(p => p.Name));
            Assert.Contains(matches, m => m.ToHashSet().IsSubsetOf(names) && names.Except(info.AddedParameters).ToHashSet().SetEquals(m));
        }
    }

    [Fact]
    public void The_about_topic_is_staged_as_text_with_the_error_ids_keys_from_a_vault_and_semicolon_csv_files()
    {
        var text = AboutTopic;
        Assert.StartsWith("TOPIC", text);
        Assert.DoesNotContain("```", text);
        foreach (var expected in new[]
        {
            "SHORT DESCRIPTION", "RATE LIMITS AND RETRIES", "Mayar.RateLimited",
            "KEYS FROM A VAULT", "Connect-Mayar -ApiKey (Get-Secret MayarApiKey)", "Microsoft.PowerShell.SecretManagement", "Test-MayarConnection", "-Validate",
            "-Delimiter ';'", "-UseCulture",
        })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public void The_about_topic_reads_as_plain_text_in_an_80_column_console()
    {
        var lines = AboutTopic.Split('\n');
        Assert.True(lines.Length > 50, "the about topic is nearly empty");
        foreach (var line in lines)
        {
            // 79: an 80-column console shows the line without wrapping it (the brief's limit is 80).
            Assert.True(line.Length <= 79, $"about topic line of {line.Length} characters: '{line}'");
            Assert.False(line.TrimStart().StartsWith('|'), $"a markdown table row in the about topic: '{line}'");
            Assert.DoesNotMatch(@"\|\s*-{3,}\s*\|", line);

            // Repository paths mean nothing to a user of the installed module; an online address may hold them.
            var words = System.Text.RegularExpressions.Regex.Replace(line, @"https?://\S+", string.Empty);
            Assert.False(words.Contains("src/", System.StringComparison.Ordinal) || words.Contains("docs/", System.StringComparison.Ordinal), $"a repository path in the about topic: '{line}'");
        }
    }

    private string AboutTopic => File.ReadAllText(Path.Combine(_module.ModuleFolder, "en-US", "about_Mayar.Credit.help.txt"));

    private Dictionary<string, XElement> Parameters(string cmdlet) =>
        _commands[cmdlet].Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);
}
