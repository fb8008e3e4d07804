using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Mayar.Credit.Tests;

/// <summary>Reading a contract file back into <see cref="ContractCmdlet"/>s: the inverse of <see cref="CmdletContract.Lines"/>.</summary>
public static partial class CmdletContract
{
    public static IReadOnlyList<ContractCmdlet> Parse(IEnumerable<string> fileLines)
    {
        var cmdlets = new List<ContractCmdlet>();
        foreach (var line in Content(fileLines))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"No ': ' in contract line: {line}");
            }

            var subject = line[..colon];
            var dash = subject.IndexOf(" -", StringComparison.Ordinal);
            var name = dash < 0 ? subject : subject[..dash];
            var tokens = Split(line[(colon + 2)..], ' ');
            var cmdlet = cmdlets.LastOrDefault(c => c.Name == name);
            if (tokens[0] == "Cmdlet")
            {
                cmdlets.Add(new ContractCmdlet
                {
                    Name = name,
                    DefaultParameterSetName = Setting(tokens, "DefaultParameterSetName"),
                    SupportsShouldProcess = tokens.Contains("SupportsShouldProcess"),
                    ConfirmImpact = Setting(tokens, "ConfirmImpact"),
                    SupportsPaging = tokens.Contains("SupportsPaging"),
                });
                continue;
            }

            if (cmdlet is null)
            {
                throw new FormatException($"A contract line before its cmdlet's Cmdlet line: {line}");
            }

            var parameters = (List<ContractParameter>)cmdlet.Parameters;
            switch (tokens[0])
            {
                case "OutputType":
                    ((List<ContractOutputType>)cmdlet.OutputTypes).Add(new ContractOutputType(Unquote(tokens[1]), ListSetting(tokens, "ParameterSetName")));
                    break;
                case "Parameter":
                    parameters.Add(new ContractParameter
                    {
                        Name = subject[(dash + 2)..],
                        Type = Unquote(tokens[1]),
                        Aliases = ListSetting(tokens, "Alias"),
                        Attributes = tokens.Skip(2).Where(t => !t.StartsWith("Alias=", StringComparison.Ordinal)).ToList(),
                    });
                    break;
                case "ParameterSet":
                    var flags = new[] { "Mandatory", "ValueFromPipeline", "ValueFromPipelineByPropertyName" };
                    ((List<ContractSet>)parameters.Last(p => p.Name == subject[(dash + 2)..]).Sets).Add(new ContractSet
                    {
                        Name = Unquote(tokens[1]),
                        Mandatory = tokens.Contains("Mandatory"),
                        Position = Setting(tokens, "Position") is { } position ? int.Parse(position, CultureInfo.InvariantCulture) : null,
                        ValueFromPipeline = tokens.Contains("ValueFromPipeline"),
                        ValueFromPipelineByPropertyName = tokens.Contains("ValueFromPipelineByPropertyName"),
                        Other = tokens.Skip(2).Where(t => !flags.Contains(t) && !t.StartsWith("Position=", StringComparison.Ordinal)).ToList(),
                    });
                    break;
                default:
                    throw new FormatException($"Unknown kind '{tokens[0]}' in contract line: {line}");
            }
        }

        return cmdlets;
    }

    /// <summary>The arguments of an attribute as written in a line: ValidateSet(1,3,'a b') gives 1, 3, a b.</summary>
    public static IReadOnlyList<string> Arguments(string attribute)
    {
        var open = attribute.IndexOf('(');
        return open < 0 ? Array.Empty<string>() : Split(attribute[(open + 1)..^1], ',').Select(Unquote).ToList();
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'") : text;

    private static string? Setting(IEnumerable<string> tokens, string name) =>
        tokens.Where(t => t.StartsWith(name + "=", StringComparison.Ordinal)).Select(t => Unquote(t[(name.Length + 1)..])).FirstOrDefault();

    private static IReadOnlyList<string> ListSetting(IEnumerable<string> tokens, string name) =>
        tokens.Where(t => t.StartsWith(name + "=", StringComparison.Ordinal)).SelectMany(t => Split(t[(name.Length + 1)..], ',')).Select(Unquote).ToList();

    // Splits at each separator outside quotes and parentheses, keeping quotes (Unquote removes them).
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var (start, depth, quoted) = (0, 0, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
