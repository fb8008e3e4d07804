using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Mayar.Credit.Testing;

namespace Mayar.Credit.Benchmarks;

/// <summary>The benchmark's PowerShell scripts: written to a file, run in a fresh pwsh, their figures read from one marker line.</summary>
public static class PowerShellScript
{
    /// <summary>The start of the line a script prints its figures on, as key=value pairs.</summary>
    internal const string Marker = "MAYARBENCH";

    internal static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Write(DirectoryInfo folder, string name, string script)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, script, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    internal static double Number(IReadOnlyDictionary<string, string> figures, string name) =>
        double.Parse(figures[name], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Runs one script in a fresh pwsh; returns the key=value pairs of its marker line and the process's wall time.</summary>
    internal static (IReadOnlyDictionary<string, string> Figures, double ProcessMs) RunScript(LocalPowerShell pwsh, string script, string apiKey, params string[] scriptArguments)
    {
        var start = pwsh.StartFile(script, scriptArguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        // Only this run's settings reach the module; no telemetry or update check during start-up.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MAYAR_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MAYAR_API_KEY"] = apiKey;

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {pwsh.Description}.");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var processMs = stopwatch.Elapsed.TotalMilliseconds;
        var errors = errorTask.GetAwaiter().GetResult();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Marker + " ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"pwsh {Path.GetFileName(script)} exited with {process.ExitCode} and no figures.\n{output}\n{errors}");
        }

        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in line.Substring(Marker.Length + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            figures[pair.Substring(0, equals)] = pair.Substring(equals + 1);
        }

        return (figures, processMs);
    }
}
