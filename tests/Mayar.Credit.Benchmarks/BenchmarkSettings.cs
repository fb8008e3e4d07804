using System;
using System.IO;
using Mayar.Credit.Testing;

namespace Mayar.Credit.Benchmarks;

/// <summary>Sizes of each measurement: --quick keeps a whole run under a minute (the PowerShell section adds about one more).</summary>
public sealed record BenchmarkSettings(
    bool Quick,
    int OverheadRounds,
    int OverheadRequestsPerRound,
    int ConcurrencyRequests,
    int LatencyMs,
    int RateLimitedRequests,
    int RateLimitPerMinute,
    int StreamItems,
    string? JsonPath)
{
    public static readonly int[] ConcurrencyLevels = { 1, 4, 16, 64 };

    /// <summary>The emulator latencies the PowerShell per-item reads run at.</summary>
    public static readonly int[] PowerShellLatenciesMs = { 0, 50 };

    /// <summary>What the PowerShell section runs in, for the report (--pwsh [PATH]); null: no PowerShell section.</summary>
    public string? PwshPath { get; init; }

    /// <summary>The PowerShell the section starts: --pwsh PATH, or with --pwsh alone `pwsh` on PATH, else the local tool.</summary>
    internal LocalPowerShell? PowerShell { get; init; }

    /// <summary>The staged module manifest the PowerShell section imports (--module PATH, default out/Release/Mayar.Credit/Mayar.Credit.psd1).</summary>
    public string ModulePath { get; init; } = string.Empty;

    /// <summary>Fresh pwsh processes per cold-start figure (each of the module and Invoke-RestMethod).</summary>
    public int ColdStartRuns { get; init; }

    /// <summary>Balance reads per method in the PowerShell per-item measurement.</summary>
    public int PowerShellRows { get; init; }

    /// <summary>Timed passes of every method over the rows without latency (the median is kept): one pass takes well under a second.</summary>
    public int PowerShellPassesNoLatency { get; init; }

    /// <summary>Timed passes with latency: a sequential pass of 300 reads at 50 ms takes 15 s.</summary>
    public int PowerShellPassesWithLatency { get; init; }

    private const string UsageText = "Usage: dotnet run -c Release --project tests/Mayar.Credit.Benchmarks -- [--quick] [--json FILE] [--pwsh [PATH] [--module PATH]] | --credit-batch | --progress --pwsh [PATH] [--module PATH] | --cold-start --pwsh [PATH] [--module PATH]   (--pwsh alone: pwsh on PATH, else the local tool of .config/dotnet-tools.json)";

    /// <summary>Reads --quick, --json FILE, --pwsh [PATH] and --module PATH; null after printing usage.</summary>
    public static BenchmarkSettings? Parse(string[] args)
    {
        var quick = false;
        string? json = null;
        string? pwsh = null;
        string? module = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--credit-batch": break;
                case "--progress": break;
                case "--cold-start": break;
                case "--json" when i + 1 < args.Length: json = args[++i]; break;
                case "--pwsh" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal): pwsh = args[++i]; break;
                case "--pwsh": pwsh = string.Empty; break;
                case "--module" when i + 1 < args.Length: module = args[++i]; break;
                default:
                    Console.Error.WriteLine(UsageText);
                    return null;
            }
        }

        if (module is not null && pwsh is null)
        {
            Console.Error.WriteLine("--module is used by the PowerShell section only: give --pwsh [PATH] too.");
            Console.Error.WriteLine(UsageText);
            return null;
        }

        string modulePath = string.Empty;
        LocalPowerShell? powerShell = null;
        if (pwsh is not null)
        {
            if (pwsh.Length == 0)
            {
                powerShell = LocalPowerShell.FromPathOrTool(RepoRoot());
            }
            else if (!File.Exists(pwsh))
            {
                Console.Error.WriteLine($"--pwsh: no such file '{pwsh}'.");
                return null;
            }
            else
            {
                var full = Path.GetFullPath(pwsh);
                powerShell = new LocalPowerShell(full, Array.Empty<string>(), full);
            }

            modulePath = module is not null ? Path.GetFullPath(module) : DefaultModulePath();
            if (!File.Exists(modulePath))
            {
                Console.Error.WriteLine($"No staged module at '{modulePath}': build it (dotnet build -c Release) or pass --module PATH to the staged Mayar.Credit.psd1.");
                return null;
            }
        }

        var settings = quick
            ? new BenchmarkSettings(true, OverheadRounds: 15, OverheadRequestsPerRound: 400, ConcurrencyRequests: 64, LatencyMs: 100, RateLimitedRequests: 150, RateLimitPerMinute: 600, StreamItems: 100_000, json)
            : new BenchmarkSettings(false, OverheadRounds: 25, OverheadRequestsPerRound: 2000, ConcurrencyRequests: 256, LatencyMs: 100, RateLimitedRequests: 600, RateLimitPerMinute: 600, StreamItems: 100_000, json);
        return settings with
        {
            PwshPath = powerShell?.Description,
            PowerShell = powerShell,
            ModulePath = modulePath,
            ColdStartRuns = quick ? 5 : 11,
            PowerShellRows = 300,
            PowerShellPassesNoLatency = 5,
            PowerShellPassesWithLatency = quick ? 1 : 3,
        };
    }

    /// <summary>out/Release/Mayar.Credit/Mayar.Credit.psd1 under the repository root (the folder holding Mayar.Credit.slnx above this program).</summary>
    private static string DefaultModulePath() => Path.Combine(RepoRoot(), "out", "Release", "Mayar.Credit", "Mayar.Credit.psd1");

    /// <summary>The folder holding Mayar.Credit.slnx above this program, else the current folder.</summary>
    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mayar.Credit.slnx")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
