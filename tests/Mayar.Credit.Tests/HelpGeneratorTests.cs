using System;
using System.Linq;
using Mayar.Credit.HelpGenerator;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>The help generator's rules (tools/Mayar.Credit.HelpGenerator) on small inputs.</summary>
public sealed class HelpGeneratorTests
{
    [Theory]
    [InlineData("Nullable`1[Decimal]", "Decimal")]
    [InlineData("Nullable`1[DateTime]", "DateTime")]
    [InlineData("System.Nullable`1[System.Decimal]", "System.Decimal")]
    [InlineData("Nullable[decimal]", "decimal")]
    [InlineData("Nullable<Int32>", "Int32")]
    [InlineData("String[]", "String[]")]
    [InlineData("SwitchParameter", "SwitchParameter")]
    [InlineData("MyNullable`1[X]", "MyNullable`1[X]")]
    public void A_nullable_type_is_shown_as_its_plain_type(string written, string shown) =>
        Assert.Equal(shown, PlatyPsMarkdownReader.PlainTypeName(written));

    private const string Page =
        "---\nexternal help file: Mayar.Credit.dll-Help.xml\nModule Name: Mayar.Credit\nonline version: https://example.org/docs/Get-X.md\nschema: 2.0.0\n---\n\n" +
        "# Get-X\n\n## SYNOPSIS\nGets x.\n\n## SYNTAX\n\n```\nGet-X [-Since <DateTime>]\n```\n\n## DESCRIPTION\nIt does.\n\n## PARAMETERS\n\n### -Since\nFrom when.\n\n" +
        "```yaml\nType: Nullable`1[DateTime]\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n" +
        "## RELATED LINKS\n\n[about_X](about_X.md)\n";

    [Fact]
    public void A_page_yields_its_online_version_first_and_plain_parameter_types()
    {
        var help = PlatyPsMarkdownReader.Read(Page, "Get-X.md");
        Assert.Equal("https://example.org/docs/Get-X.md", help.OnlineVersion);
        Assert.Equal("DateTime", help.Parameters.Single().Type);

        var maml = MamlWriterText(help);
        Assert.Contains("<maml:linkText>Online Version:</maml:linkText>", maml);
        Assert.True(maml.IndexOf("Online Version:", StringComparison.Ordinal) < maml.IndexOf("about_X", StringComparison.Ordinal), "the online link comes first");
        Assert.DoesNotContain("Nullable", maml);
    }

    [Fact]
    public void An_online_version_that_is_not_an_address_is_refused() =>
        Assert.Throws<FormatException>(() => PlatyPsMarkdownReader.Read(Page.Replace("https://example.org/docs/Get-X.md", "Get-X.md"), "Get-X.md"));

    [Fact]
    public void The_about_topic_wraps_paragraphs_and_items_at_79_columns()
    {
        var words = string.Join(" ", Enumerable.Repeat("wrapping", 30));
        var text = AboutTopicWriter.Write($"# about_X\n\n## SHORT DESCRIPTION\nShort.\n\n## LONG DESCRIPTION\n{words}\nand `code` and **bold** and [a link](https://example.org/x).\n\n- {words}\n  continued.\n");
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, l));
        Assert.Contains("    wrapping wrapping", text);
        Assert.Contains("    - wrapping", text);
        Assert.Contains("      wrapping", text);
        Assert.Contains("and code and bold and a link (https://example.org/x).", string.Join(" ", lines.Select(l => l.Trim())));
        Assert.Contains("continued.", text);
    }

    [Fact]
    public void The_about_topic_refuses_a_table() =>
        Assert.Contains("table", Assert.Throws<FormatException>(() => AboutTopicWriter.Write("# about_X\n\n| a | b |\n|---|---|\n")).Message);

    [Fact]
    public void The_about_topic_refuses_a_code_line_too_long_for_the_console() =>
        Assert.Throws<FormatException>(() => AboutTopicWriter.Write("# about_X\n\n```powershell\n" + new string('x', 72) + "\n```\n"));

    [Fact]
    public void A_code_line_that_fits_is_kept_as_it_is() =>
        Assert.Contains("        " + new string('x', 71) + "\n", AboutTopicWriter.Write("# about_X\n\n```powershell\n" + new string('x', 71) + "\n```\n"));

    private static string MamlWriterText(CommandHelp help) => MamlWriter.Write(new[] { help }).ToString();
}
