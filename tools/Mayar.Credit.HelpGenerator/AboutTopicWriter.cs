using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Mayar.Credit.HelpGenerator;

/// <summary>
/// Writes an about_ topic as the plain text Get-Help shows: "## HEADING" becomes an upper-case heading,
/// "### Heading" a sub-heading, body text is indented four spaces, and code blocks eight.
/// </summary>
public static class AboutTopicWriter
{
    public static string Write(string markdown)
    {
        var output = new StringBuilder();
        var inCode = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                output.Append("        ").Append(line).Append('\n');
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                output.Append("TOPIC\n    ").Append(line[2..].Trim()).Append('\n');
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                output.Append('\n').Append(line[3..].Trim().ToUpperInvariant()).Append('\n');
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                output.Append('\n').Append("  ").Append(line[4..].Trim().ToUpperInvariant()).Append('\n');
            }
            else
            {
                output.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
            }
        }

        // One blank line between blocks, and markdown links as their text.
        var text = Regex.Replace(output.ToString(), "\n{3,}", "\n\n");
        return MarkdownLink.ToText(text);
    }
}
