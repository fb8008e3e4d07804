using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.HelpGenerator;

/// <summary>
/// Reads a cmdlet page in platyPS's markdown layout (schema 2.0.0): front matter, "# Name", then
/// SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS. Anything
/// it cannot place is an error naming the file and line, so a typo in the docs fails the build.
/// </summary>
public static class PlatyPsMarkdownReader
{
    public static bool IsCommandPage(string markdown) =>
        markdown.Replace("\r\n", "\n").StartsWith("---\n", StringComparison.Ordinal) && markdown.Contains("external help file:", StringComparison.Ordinal);

    public static CommandHelp Read(string markdown, string fileName)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var help = new CommandHelp { OnlineVersion = FrontMatter(lines, "online version") };
        if (help.OnlineVersion.Length > 0 && !Uri.TryCreate(help.OnlineVersion, UriKind.Absolute, out _))
        {
            throw Problem(fileName, 0, $"'online version: {help.OnlineVersion}' is not an absolute URI");
        }

        var i = SkipFrontMatter(lines);
        string? section = null;
        ExampleHelp? example = null;
        ParameterHelp? parameter = null;
        List<string>? typeText = null;

        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                help.Name = line[2..].Trim();
                i++;
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim().ToUpperInvariant();
                example = null;
                parameter = null;
                typeText = null;
                i++;
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var start = i;
                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    block.Add(lines[i]);
                }

                if (i >= lines.Length)
                {
                    throw Problem(fileName, start, "a code block is not closed");
                }

                i++;
                if (section == "EXAMPLES" && example is not null)
                {
                    example.Code = example.Code.Length == 0 ? string.Join("\n", block) : example.Code + "\n" + string.Join("\n", block);
                }
                else if (section == "PARAMETERS" && parameter is not null)
                {
                    ReadYaml(parameter, block, fileName, start);
                }
                else if (section is not "SYNTAX")
                {
                    throw Problem(fileName, start, $"a code block outside an example or parameter (in {section ?? "no section"})");
                }

                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var heading = line[4..].Trim();
                switch (section)
                {
                    case "SYNTAX":
                        var isDefault = heading.EndsWith("(Default)", StringComparison.Ordinal);
                        help.ParameterSets.Add((isDefault ? heading[..^"(Default)".Length].Trim() : heading, isDefault));
                        break;
                    case "EXAMPLES":
                        example = new ExampleHelp { Title = heading };
                        help.Examples.Add(example);
                        break;
                    case "PARAMETERS":
                        parameter = null;
                        if (heading != "CommonParameters")
                        {
                            if (!heading.StartsWith('-'))
                            {
                                throw Problem(fileName, i, $"a parameter heading must be '### -Name', not '{heading}'");
                            }

                            parameter = new ParameterHelp { Name = heading[1..] };
                            help.Parameters.Add(parameter);
                        }

                        break;
                    case "INPUTS":
                        typeText = new List<string>();
                        help.Inputs.Add((heading, typeText));
                        break;
                    case "OUTPUTS":
                        typeText = new List<string>();
                        help.Outputs.Add((heading, typeText));
                        break;
                    default:
                        throw Problem(fileName, i, $"a '###' heading in {section ?? "no section"}");
                }

                i++;
                continue;
            }

            var text = line.Trim();
            if (text.Length > 0)
            {
                switch (section)
                {
                    case "SYNOPSIS": help.Synopsis = help.Synopsis.Length == 0 ? text : help.Synopsis + " " + text; break;
                    case "DESCRIPTION": AddText(help.Description, lines, i); break;
                    case "EXAMPLES" when example is not null: AddText(example.Remarks, lines, i); break;
                    case "PARAMETERS" when parameter is not null: AddText(parameter.Description, lines, i); break;
                    case "PARAMETERS": break; // the CommonParameters boilerplate
                    case "INPUTS" or "OUTPUTS" when typeText is not null: AddText(typeText, lines, i); break;
                    case "NOTES": AddText(help.Notes, lines, i); break;
                    case "RELATED LINKS": help.Links.Add(ReadLink(text, fileName, i)); break;
                    default: throw Problem(fileName, i, $"text outside any section it can belong to: '{text}'");
                }
            }

            i++;
        }

        if (help.Name.Length == 0)
        {
            throw Problem(fileName, 0, "no '# Name' heading");
        }

        return help;
    }

    // Consecutive lines form one paragraph; a blank line starts the next.
    private static void AddText(List<string> paragraphs, string[] lines, int index)
    {
        var text = lines[index].Trim();
        var continues = index > 0 && lines[index - 1].Trim().Length > 0 && !lines[index - 1].StartsWith('#') && !lines[index - 1].StartsWith("```", StringComparison.Ordinal);
        if (continues && paragraphs.Count > 0)
        {
            paragraphs[^1] += " " + text;
        }
        else
        {
            paragraphs.Add(text);
        }
    }

    private static void ReadYaml(ParameterHelp parameter, List<string> block, string fileName, int line)
    {
        foreach (var entry in block.Where(l => l.Trim().Length > 0))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Problem(fileName, line, $"'{entry}' in -{parameter.Name}'s yaml is not 'Key: value'");
            }

            var key = entry[..colon].Trim();
            var value = entry[(colon + 1)..].Trim();
            switch (key)
            {
                case "Type": parameter.Type = PlainTypeName(value); break;
                case "Parameter Sets": parameter.Sets.AddRange(value == "(All)" ? Array.Empty<string>() : List(value)); break;
                case "Aliases": parameter.Aliases.AddRange(List(value)); break;
                case "Accepted values": parameter.AcceptedValues.AddRange(List(value)); break;
                case "Required": parameter.Required = Boolean(value, key, parameter, fileName, line); break;
                case "Position": parameter.Position = value.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : value; break;
                case "Default value": parameter.DefaultValue = value.Length == 0 ? "None" : value; break;
                case "Accept pipeline input": parameter.PipelineInput = value; break;
                case "Accept wildcard characters": parameter.Wildcards = Boolean(value, key, parameter, fileName, line); break;
                default: throw Problem(fileName, line, $"unknown key '{key}' in -{parameter.Name}'s yaml");
            }
        }

        if (parameter.Type.Length == 0)
        {
            throw Problem(fileName, line, $"-{parameter.Name}'s yaml has no Type");
        }
    }

    private static bool Boolean(string value, string key, ParameterHelp parameter, string fileName, int line) =>
        bool.TryParse(value, out var result) ? result : throw Problem(fileName, line, $"-{parameter.Name}'s '{key}' must be True or False, not '{value}'");

    private static IEnumerable<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (string, string) ReadLink(string text, string fileName, int line)
    {
        var match = MarkdownLink.Pattern().Match(text);
        if (!match.Success || match.Length != text.Length)
        {
            throw Problem(fileName, line, $"a related link must be [text](target), not '{text}'");
        }

        // Links to sibling pages are by name in Get-Help; only absolute URIs are kept as URIs.
        var target = match.Groups[2].Value;
        return (match.Groups[1].Value, Uri.TryCreate(target, UriKind.Absolute, out _) ? target : string.Empty);
    }

    /// <summary>
    /// A parameter type as a person reads it in help: a Nullable's underlying type (Nullable`1[Decimal],
    /// System.Nullable[decimal] or Nullable&lt;Decimal&gt; is Decimal), anything else as written.
    /// </summary>
    public static string PlainTypeName(string type)
    {
        var text = type.Trim();
        foreach (var (open, close) in new[] { ("Nullable`1[", ']'), ("Nullable[", ']'), ("Nullable<", '>') })
        {
            var at = text.IndexOf(open, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && text.EndsWith(close) && (at == 0 || text[..at] == "System."))
            {
                return PlainTypeName(text[(at + open.Length)..^1]);
            }
        }

        return text;
    }

    /// <summary>A "key: value" of the front matter, or empty.</summary>
    private static string FrontMatter(string[] lines, string key)
    {
        if (lines.Length == 0 || lines[0] != "---")
        {
            return string.Empty;
        }

        for (var i = 1; i < lines.Length && lines[i] != "---"; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && lines[i][..colon].Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return lines[i][(colon + 1)..].Trim();
            }
        }

        return string.Empty;
    }

    private static int SkipFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0] != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i] == "---")
            {
                return i + 1;
            }
        }

        return lines.Length;
    }

    private static FormatException Problem(string fileName, int index, string what) => new($"{fileName}:{index + 1}: {what}.");
}
