using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Mayar.Credit.HelpGenerator;

/// <summary>
/// Writes an about_ topic as the plain text Get-Help shows, for a person at an 80-column console: "## HEADING"
/// becomes an upper-case heading, "### Heading" an indented upper-case sub-heading, each paragraph is joined and
/// wrapped at <see cref="Width"/> columns with an indent of four, a "- " item with a hanging indent, and a code block
/// is kept as it is, indented eight. Inline markdown becomes text: `code` loses its backticks, **bold** its stars, a
/// link its brackets ("text (https://...)" for an absolute link). What plain text cannot show is an error naming the
/// line, so the build fails instead of shipping it: a table row, a code line or a word too long for the width.
/// </summary>
public static partial class AboutTopicWriter
{
    /// <summary>The longest line written: an 80-column console shows it without wrapping.</summary>
    public const int Width = 79;

    private const string BodyIndent = "    ";
    private const string CodeIndent = "        ";

    public static string Write(string markdown)
    {
        var output = new StringBuilder();
        var paragraph = new List<string>();
        var isItem = false;
        var paragraphLine = 0;
        var inCode = false;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                var text = Inline(string.Join(" ", paragraph));
                Wrap(output, text, isItem ? BodyIndent + "- " : BodyIndent, isItem ? BodyIndent + "  " : BodyIndent, paragraphLine);
            }

            paragraph.Clear();
            isItem = false;
        }

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                if (CodeIndent.Length + line.Length > Width)
                {
                    throw Problem(index, $"a code line is {line.Length} characters; at most {Width - CodeIndent.Length} fit the about topic's {Width} columns");
                }

                output.Append(line.Length == 0 ? string.Empty : CodeIndent + line).Append('\n');
                continue;
            }

            var text = line.Trim();
            if (text.StartsWith('|'))
            {
                throw Problem(index, "a table row: plain-text help cannot show a table; write it as a list");
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                output.Append("TOPIC\n").Append(BodyIndent).Append(line[2..].Trim()).Append('\n');
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                output.Append('\n').Append(Inline(line[3..].Trim()).ToUpperInvariant()).Append('\n');
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                output.Append('\n').Append("  ").Append(Inline(line[4..].Trim()).ToUpperInvariant()).Append('\n');
            }
            else if (text.Length == 0)
            {
                Flush();
                output.Append('\n');
            }
            else if (text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("* ", StringComparison.Ordinal))
            {
                Flush();
                isItem = true;
                paragraphLine = index;
                paragraph.Add(text[2..].Trim());
            }
            else
            {
                if (paragraph.Count == 0)
                {
                    paragraphLine = index;
                }

                paragraph.Add(text);
            }
        }

        Flush();

        // One blank line between blocks.
        return Regex.Replace(output.ToString(), "\n{3,}", "\n\n");
    }

    /// <summary>Inline markdown as plain text.</summary>
    public static string Inline(string text)
    {
        text = MarkdownLink.Pattern().Replace(text, m =>
            Uri.TryCreate(m.Groups[2].Value, UriKind.Absolute, out _) && m.Groups[2].Value != m.Groups[1].Value
                ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
                : m.Groups[1].Value);
        text = CodeSpan().Replace(text, "$1");
        return Bold().Replace(text, "$1");
    }

    private static void Wrap(StringBuilder output, string text, string firstIndent, string nextIndent, int line)
    {
        var current = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && current.Length + 1 + word.Length > Width)
            {
                output.Append(current).Append('\n');
                current.Clear().Append(nextIndent);
                empty = true;
            }

            if (empty && current.Length + word.Length > Width)
            {
                throw Problem(line, $"'{word}' is longer than a line of {Width} columns");
            }

            current.Append(empty ? string.Empty : " ").Append(word);
            empty = false;
        }

        output.Append(current).Append('\n');
    }

    private static FormatException Problem(int index, string what) => new($"about topic line {index + 1}: {what}.");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
