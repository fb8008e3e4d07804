using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Mayar.Credit.Testing;

/// <summary>
/// The PowerShell pinned in .config/dotnet-tools.json as a local .NET tool: `dotnet tool restore` puts it in the
/// NuGet packages folder, and it runs as `dotnet &lt;packages&gt;/powershell/&lt;version&gt;/tools/&lt;tfm&gt;/any/unix/pwsh.dll`
/// (win/ on Windows: what the package's shim behind `dotnet pwsh` starts, without the SDK's tool lookup in between). Used by the Pester xunit project and the
/// benchmark program; also compiled into the benchmark.
/// </summary>
internal sealed record LocalPowerShell(string FileName, IReadOnlyList<string> LeadingArguments, string Description)
{
    /// <summary>`pwsh` from PATH (a person's own PowerShell), else the local tool.</summary>
    public static LocalPowerShell FromPathOrTool(string repoRoot)
    {
        var onPath = FindOnPath(OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        return onPath is not null ? new LocalPowerShell(onPath, Array.Empty<string>(), onPath + " (on PATH)") : Tool(repoRoot);
    }

    /// <summary>The local tool, restored first (`dotnet tool restore`) when its package is not in the packages folder.</summary>
    public static LocalPowerShell Tool(string repoRoot)
    {
        var version = ToolVersion(repoRoot);
        var dll = FindDll(version);
        if (dll is null)
        {
            var (code, output) = RunDotnet(repoRoot, "tool", "restore");
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet tool restore failed with exit code {code}:\n{output}");
            }

            dll = FindDll(version) ?? throw new InvalidOperationException(
                $"dotnet tool restore ran, but no powershell/{version}/tools/*/any/{{unix,win}}/pwsh.dll is under {PackagesFolder()}.");
        }

        return new LocalPowerShell(DotnetHost(), new[] { dll }, $"PowerShell {version} (the local .NET tool, {dll})");
    }

    /// <summary>The PowerShell version pinned in .config/dotnet-tools.json.</summary>
    public static string ToolVersion(string repoRoot)
    {
        var manifest = Path.Combine(repoRoot, ".config", "dotnet-tools.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var tool in document.RootElement.GetProperty("tools").EnumerateObject())
        {
            if (string.Equals(tool.Name, "powershell", StringComparison.OrdinalIgnoreCase))
            {
                return tool.Value.GetProperty("version").GetString()!;
            }
        }

        throw new InvalidOperationException($"{manifest} pins no 'powershell' tool.");
    }

    /// <summary>NuGet's global packages folder: NUGET_PACKAGES, else what `dotnet nuget locals global-packages -l` says.</summary>
    public static string PackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var (code, output) = RunDotnet(Directory.GetCurrentDirectory(), "nuget", "locals", "global-packages", "--list");
        const string Prefix = "global-packages:";
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (code != 0 || line is null)
        {
            throw new InvalidOperationException($"dotnet nuget locals global-packages --list did not name the folder:\n{output}");
        }

        return line.Substring(Prefix.Length).Trim();
    }

    /// <summary>A start info for a script file: the leading arguments, then -NoLogo -NoProfile -NonInteractive -File.</summary>
    public ProcessStartInfo StartFile(string script, IEnumerable<string> scriptArguments)
    {
        var start = new ProcessStartInfo(FileName) { UseShellExecute = false };
        foreach (var argument in LeadingArguments
            .Concat(new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script })
            .Concat(scriptArguments))
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry or update check during start-up.
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        return start;
    }

    private static string? FindDll(string version)
    {
        var tools = Path.Combine(PackagesFolder(), "powershell", version.ToLowerInvariant(), "tools");
        if (!Directory.Exists(tools))
        {
            return null;
        }

        return Directory.EnumerateDirectories(tools)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "any", OperatingSystem.IsWindows() ? "win" : "unix", "pwsh.dll"))
            .FirstOrDefault(File.Exists);
    }

    private static string DotnetHost()
    {
        // Set by the SDK for the processes it starts (dotnet test, dotnet run); else the muxer this process runs on.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        return "dotnet";
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (int Code, string Output) RunDotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.GetAwaiter().GetResult());
    }
}
