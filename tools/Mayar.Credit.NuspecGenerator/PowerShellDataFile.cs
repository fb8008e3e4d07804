using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Build;

/// <summary>
/// Just enough of a .psd1 reader for the module manifest: a key's single-quoted string value, or its
/// @( … ) list of single-quoted strings, wherever the key is nested. (No PowerShell here to run
/// Import-PowerShellDataFile; the manifest uses only these forms.)
/// </summary>
public sealed class PowerShellDataFile
{
    private const string Quoted = "'((?:[^']|'')*)'";

    private readonly string _text;

    public PowerShellDataFile(string path)
        : this(File.ReadAllText(path), isText: true)
    {
    }

    private PowerShellDataFile(string text, bool isText)
    {
        // Comments out, so a commented-out entry never counts.
        _text = Regex.Replace(text, @"(?m)^\s*#.*$", string.Empty);
    }

    /// <summary>Reads a manifest's text rather than a file.</summary>
    public static PowerShellDataFile Parse(string text) => new(text, isText: true);

    public string? String(string key)
    {
        var match = Regex.Match(_text, $@"(?m)^\s*{Regex.Escape(key)}\s*=\s*{Quoted}");
        return match.Success ? Unquote(match.Groups[1].Value) : null;
    }

    public IReadOnlyList<string>? List(string key)
    {
        var match = Regex.Match(_text, $@"(?ms)^\s*{Regex.Escape(key)}\s*=\s*@\((.*?)\)");
        if (!match.Success)
        {
            return null;
        }

        return Regex.Matches(match.Groups[1].Value, Quoted).Select(m => Unquote(m.Groups[1].Value)).ToList();
    }

    // In a single-quoted PowerShell string, '' is one quote.
    private static string Unquote(string value) => value.Replace("''", "'");
}
