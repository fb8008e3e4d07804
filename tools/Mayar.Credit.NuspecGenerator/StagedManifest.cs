using System;
using System.Text.RegularExpressions;

namespace Mayar.Credit.Build;

/// <summary>
/// The loadable manifest the build stages beside the module's files, made from the source manifest at the
/// repository root. The source names no build product (so Test-ModuleManifest and PSScriptAnalyzer accept it
/// in a clean clone) and names each format and types file by its path in the repository; the staged copy is the
/// same text with exactly two changes: a RootModule line before ModuleVersion, and each FormatsToProcess and
/// TypesToProcess entry reduced to its leaf name (those files are staged beside the manifest). Per edition, the
/// root module is in a folder named after the edition: <c>RootModule = "$PSEdition/Mayar.Credit.dll"</c> (Desktop/
/// for Windows PowerShell 5.1, Core/ for PowerShell 7). PowerShell reads a manifest whose values are all constants
/// or such strings without running it; an <c>if ($PSEdition ...)</c> would make it compile and run the manifest as a
/// script, about 40 ms more of every Import-Module.
/// </summary>
public static class StagedManifest
{
    private const string Quoted = "'((?:[^']|'')*)'";

    public static string Create(string source, string rootModule, bool perEdition = false)
    {
        if (PowerShellDataFile.Parse(source).String("RootModule") is not null)
        {
            throw new FormatException("The source manifest sets RootModule; it must name no build product (the build adds RootModule to the staged copy).");
        }

        var version = Regex.Match(source, @"(?m)^([ \t]*)ModuleVersion([ \t]*)=");
        if (!version.Success)
        {
            throw new FormatException("The source manifest has no ModuleVersion line to put RootModule before.");
        }

        // Aligned with ModuleVersion's '=', as the keys of the source manifest are.
        var gap = Math.Max(1, "ModuleVersion".Length + version.Groups[2].Length - "RootModule".Length);
        var newline = source.Contains("\r\n") ? "\r\n" : "\n";
        var value = perEdition ? "\"$PSEdition/" + rootModule.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"" : Quote(rootModule);
        var rootModuleLine = version.Groups[1].Value + "RootModule" + new string(' ', gap) + "= " + value + newline;
        var text = source.Insert(version.Index, rootModuleLine);

        // FormatsToProcess (or TypesToProcess) = @( ... ) or = '...': every quoted path to its leaf name.
        return Regex.Replace(
            text,
            @"(?ms)^([ \t]*(?:FormatsToProcess|TypesToProcess)[ \t]*=[ \t]*)(@\(.*?\)|" + Quoted + ")",
            m => m.Groups[1].Value + Regex.Replace(m.Groups[2].Value, Quoted, q => Quote(Leaf(Unquote(q.Groups[1].Value)))));
    }

    public static string Leaf(string path)
    {
        var slash = path.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    private static string Unquote(string value) => value.Replace("''", "'");
}
