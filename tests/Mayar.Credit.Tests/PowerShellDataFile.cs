using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Tests;

/// <summary>
/// Just enough of a .psd1 reader for the manifest checks: a key's quoted string value, or its
/// @( … ) list of quoted strings. (No PowerShell here to run Import-PowerShellDataFile.)
/// </summary>
public sealed class PowerShellDataFile
{
    private readonly string _text;

    public PowerShellDataFile(string path)
    {
        // Comments out, so a commented-out entry never counts.
        _text = Regex.Replace(File.ReadAllText(path), @"(?m)^\s*#.*$", string.Empty);
    }

    public string? String(string key)
    {
        var match = Regex.Match(_text, $@"(?m)^\s*{Regex.Escape(key)}\s*=\s*'([^']*)'");
        return match.Success ? match.Groups[1].Value : null;
    }

    public IReadOnlyList<string>? List(string key)
    {
        var match = Regex.Match(_text, $@"(?ms)^\s*{Regex.Escape(key)}\s*=\s*@\((.*?)\)");
        if (!match.Success)
        {
            return null;
        }

        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }
}
