using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Mayar.Credit.Benchmarks;

/// <summary>All figures of one run, the targets they are held to, and how they are printed and saved.</summary>
public sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    bool Quick,
    MachineDescription Machine,
    OverheadBenchmark.Result Overhead,
    IReadOnlyList<ConcurrencyBenchmark.Level> Concurrency,
    RateLimitedBatchBenchmark.Result RateLimited,
    StreamMemoryBenchmark.Result Memory,
    PowerShellBenchmark.Result? PowerShell,
    double TotalSeconds)
{
    public IReadOnlyList<TargetCheck> Targets => new[]
    {
        new TargetCheck("client overhead ratio <= 1.10", Overhead.Ratio <= 1.10, Overhead.Ratio.ToString("0.000", CultureInfo.InvariantCulture)),
        new TargetCheck("concurrency 16 speed-up >= 12x", Speedup(16) >= 12, Speedup(16).ToString("0.0", CultureInfo.InvariantCulture) + "x"),
        new TargetCheck("rate-limited batch <= 1.05x ideal, 0 failures", RateLimited.Ratio <= 1.05 && RateLimited.Failures == 0, $"{RateLimited.Ratio.ToString("0.000", CultureInfo.InvariantCulture)}x, {RateLimited.Failures} failures"),
        new TargetCheck("memory growth < 50 MB", Memory.PeakGrowthMb < 50, Memory.PeakGrowthMb.ToString("0.00", CultureInfo.InvariantCulture) + " MB"),
    };

    private double Speedup(int concurrency) => Concurrency.Single(l => l.Concurrency == concurrency).Speedup;

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Mayar.Credit benchmark ({(Quick ? "quick" : "full")}), {StartedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(c, $"Machine: {Machine.Os}; {Machine.Cpu}; {Machine.LogicalCores} logical cores; {Machine.Runtime}");
        text.AppendLine();
        text.AppendLine("Per-request overhead (GET balance, loopback, no latency)");
        text.AppendLine(c, $"  raw HttpClient + JsonDocument   {Overhead.RawMicroseconds,9:0.0} us (median latency)");
        text.AppendLine(c, $"  MayarClient.GetCreditBalance    {Overhead.ClientMicroseconds,9:0.0} us (median latency)");
        text.AppendLine(c, $"  ratio (median of {Overhead.Rounds} rounds of {Overhead.RequestsPerRound} alternating pairs)  {Overhead.Ratio,6:0.000}");
        text.AppendLine();
        text.AppendLine(c, $"Balance reads with {Concurrency.Count} concurrency levels, {Concurrency[0].Concurrency}..{Concurrency[^1].Concurrency} (injected latency, through OrderedWindow)");
        text.AppendLine("  concurrency   seconds   speed-up   failures");
        foreach (var level in Concurrency)
        {
            text.AppendLine(c, $"  {level.Concurrency,11}   {level.Seconds,7:0.000}   {level.Speedup,7:0.0}x   {level.Failures,8}");
        }

        text.AppendLine();
        var r = RateLimited;
        text.AppendLine(c, $"Registrations under the emulator's rate limit ({r.PerMinute}/min, strict sliding window)");
        text.AppendLine(c, $"  {r.Requests} requests in {r.Seconds:0.00} s; ideal {r.IdealSeconds:0.00} s; ratio {r.Ratio:0.000}");
        text.AppendLine(c, $"  429s {r.Http429}, failures {r.Failures}, stored {r.Stored}, duplicates {r.Duplicates}");
        text.AppendLine();
        var m = Memory;
        text.AppendLine(c, $"Stream of {m.Items:N0} items through a window of {m.Window}");
        text.AppendLine(c, $"  retained managed memory: baseline {m.BaselineMb:0.00} MB, peak growth {m.PeakGrowthMb:0.00} MB, final growth {m.FinalGrowthMb:0.00} MB ({m.Outcomes:N0} outcomes)");
        text.AppendLine();
        if (PowerShell is not null)
        {
            AppendPowerShell(text, PowerShell);
            text.AppendLine();
        }

        text.AppendLine("Targets");
        foreach (var target in Targets)
        {
            text.AppendLine(c, $"  {(target.Met ? "met " : "MISS")}  {target.Name}: {target.Measured}");
        }

        text.AppendLine(c, $"Total run time {TotalSeconds:0.0} s");
        return text.ToString();
    }

    /// <summary>The PowerShell section alone, as --cold-start prints it.</summary>
    public static string PowerShellTable(PowerShellBenchmark.Result p)
    {
        var text = new StringBuilder();
        AppendPowerShell(text, p);
        return text.ToString();
    }

    private static void AppendPowerShell(StringBuilder text, PowerShellBenchmark.Result p)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"PowerShell {p.PwshVersion} ({p.PwshPath}), module {p.ModulePath}");
        text.AppendLine(c, $"Cold start in a fresh pwsh, after one warm-up cmdlet (Get-Date | Out-Null); median (min-max) of {p.ColdStartRuns} processes each");
        text.AppendLine("                                                                     ms                     methods JIT-compiled");
        var m = p.Module;
        text.AppendLine(c, $"  Import-Module + Connect-Mayar + first Get-MayarCreditBalance {m.Total,-26} {m.JitTotal,6:0}");
        text.AppendLine(c, $"    Import-Module                                             {m.Import,-26} {m.JitImport,6:0}");
        text.AppendLine(c, $"    Connect-Mayar -BaseUri ... -RequestsPerMinute 0           {m.Connect,-26} {m.JitConnect,6:0}");
        text.AppendLine(c, $"    first Get-MayarCreditBalance                              {m.FirstCall,-26} {m.JitFirstCall,6:0}");
        text.AppendLine(c, $"    (second Get-MayarCreditBalance, for contrast)             {m.SecondCall}");
        text.AppendLine(c, $"  first Invoke-RestMethod, same URL and key                   {p.Rest.FirstCall,-26} {p.Rest.JitFirstCall,6:0}");
        text.AppendLine(c, $"    (second Invoke-RestMethod, for contrast)                  {p.Rest.SecondCall}");
        text.AppendLine(c, $"  whole pwsh process, start to exit: module {p.Module.Process.Median:0} ms, Invoke-RestMethod {p.Rest.Process.Median:0} ms (medians)");
        text.AppendLine(c, $"  ratio, module path / first Invoke-RestMethod (medians): {m.Total.Median / p.Rest.FirstCall.Median:0.00}");
        if (p.PerItem.Count == 0)
        {
            return;
        }

        var latencies = p.PerItem.Select(r => r.LatencyMs).Distinct().ToList();
        text.AppendLine(c, $"Balance reads in one pwsh per latency, {p.Rows} rows ({p.RowSource}); ms per item, after a warm-up");
        text.AppendLine(c, $"  (median of {string.Join(" / ", latencies.Select(l => p.PerItem.First(r => r.LatencyMs == l).Passes))} passes at {string.Join(" / ", latencies)} ms; every method in turn in each pass)");
        text.Append("  method                                                                     ");
        foreach (var latency in latencies)
        {
            text.Append(c, $"{latency + " ms latency",16}");
        }

        text.AppendLine();
        foreach (var (_, label) in PowerShellBenchmark.Methods)
        {
            text.Append(c, $"  {label,-74}");
            foreach (var latency in latencies)
            {
                var row = p.PerItem.Single(r => r.LatencyMs == latency && r.Method == label);
                text.Append(c, $"{row.PerItemMs,16:0.00}");
            }

            text.AppendLine();
        }

        var failures = p.PerItem.Sum(r => r.Failures);
        text.AppendLine(c, $"  failures: {failures}");
    }

    public void SaveJson(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        File.WriteAllText(path, JsonSerializer.Serialize(new { report = this, targets = Targets }, options));
    }
}

public sealed record TargetCheck(string Name, bool Met, string Measured);

public sealed record MachineDescription(string Os, string Cpu, int LogicalCores, string Runtime)
{
    public static MachineDescription Current()
    {
        var cpu = RuntimeInformation.ProcessArchitecture.ToString();
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                cpu = model[(model.IndexOf(':') + 1)..].Trim() + " (" + cpu + ")";
            }
        }

        return new MachineDescription(RuntimeInformation.OSDescription, cpu, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
    }
}
