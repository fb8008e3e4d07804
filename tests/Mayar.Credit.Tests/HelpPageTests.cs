using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>docs/ has a page per cmdlet that documents exactly its parameters (PSReadLine's check).</summary>
[Collection(ModuleCollection.Name)]
public sealed class HelpPageTests
{
    private readonly ModuleMetadata _module;

    public HelpPageTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void Every_cmdlet_has_a_page_with_synopsis_description_and_two_examples()
    {
        Assert.All(_module.Cmdlets, cmdlet =>
        {
            var page = Page(cmdlet.Name);
            Assert.Matches(new Regex(@"## SYNOPSIS\n\S"), page);
            Assert.Matches(new Regex(@"## DESCRIPTION\n\S"), page);
            Assert.True(Regex.Matches(page, @"^### Example \d", RegexOptions.Multiline).Count >= 2, cmdlet.Name);
            Assert.Contains("## OUTPUTS", page);
        });
    }

    [Fact]
    public void Every_page_documents_exactly_the_cmdlets_parameters()
    {
        Assert.All(_module.Cmdlets, cmdlet =>
        {
            var documented = Regex.Matches(Page(cmdlet.Name), @"^### -(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal);
            var compiled = cmdlet.Parameters.Select(p => p.Name)
                .Concat(cmdlet.AddedParameters)
                .OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(compiled, documented);
        });
    }

    [Fact]
    public void Documented_aliases_match_the_compiled_ones()
    {
        Assert.All(_module.Cmdlets, cmdlet =>
        {
            var page = Page(cmdlet.Name);
            foreach (var parameter in cmdlet.Parameters)
            {
                var section = Regex.Match(page, $@"^### -{parameter.Name}\n(.*?)```\n", RegexOptions.Multiline | RegexOptions.Singleline).Value;
                var aliases = Regex.Match(page.Substring(page.IndexOf(section, StringComparison.Ordinal)), @"^Aliases:(.*)$", RegexOptions.Multiline).Groups[1].Value
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Equal(parameter.Aliases, aliases);
            }
        });
    }

    [Fact]
    public void The_about_topic_lists_every_error_id()
    {
        var about = File.ReadAllText(Path.Combine(_module.RepoRoot, "docs", "about_Mayar.Credit.md"));
        foreach (var id in new[] { "InvalidArgument", "Validation", "Unauthorized", "Forbidden", "NotFound", "Conflict", "RateLimited", "ServerError", "Transport", "Timeout", "InvalidResponse", "NotConnected" })
        {
            Assert.Contains("Mayar." + id, about);
        }
    }

    [Fact]
    public void Every_exported_cmdlets_page_names_its_online_version_in_the_repository()
    {
        var projectUri = new Mayar.Credit.Build.PowerShellDataFile(Path.Combine(_module.RepoRoot, "Mayar.Credit.psd1")).String("ProjectUri");
        Assert.StartsWith("https://", projectUri);
        var exported = ModuleMetadata.ExportedCmdlets();
        Assert.NotEmpty(exported);
        Assert.All(exported, cmdlet =>
            Assert.Matches(new Regex("^online version: " + Regex.Escape($"{projectUri}/blob/main/docs/{cmdlet}.md") + "$", RegexOptions.Multiline), Page(cmdlet)));
    }

    [Fact]
    public void No_page_shows_a_nullable_type()
    {
        Assert.All(_module.Cmdlets, cmdlet =>
        {
            var page = Page(cmdlet.Name);
            Assert.DoesNotMatch(new Regex(@"^Type: .*(Nullable|`)", RegexOptions.Multiline), page);
            Assert.DoesNotContain("Nullable", Regex.Match(page, @"## SYNTAX\n(.*?)\n## ", RegexOptions.Singleline).Groups[1].Value);
            foreach (var parameter in cmdlet.Parameters.Where(p => p.TypeName.EndsWith('?')))
            {
                var plain = parameter.Property.PropertyType.GetGenericArguments()[0].Name;
                Assert.Matches(new Regex($@"^### -{parameter.Name}\n(?:(?!^### ).)*?^Type: {plain}$", RegexOptions.Multiline | RegexOptions.Singleline), page);
                Assert.Contains($"-{parameter.Name} <{plain}>", page);
            }
        });
    }

    private string Page(string cmdlet) => File.ReadAllText(Path.Combine(_module.RepoRoot, "docs", cmdlet + ".md")).Replace("\r\n", "\n");
}
