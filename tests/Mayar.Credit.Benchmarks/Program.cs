using System;
using System.Diagnostics;
using System.Linq;
using Mayar.Credit.Benchmarks;
using Mayar.Credit.Emulator;

// Usage: dotnet run -c Release --project tests/Mayar.Credit.Benchmarks -- [--quick] [--json FILE] [--pwsh [PATH] [--module PATH]] | --credit-batch
//        | --progress --pwsh [PATH] [--module PATH]   (what Write-Progress costs a 0-latency batch of 1,000 rows)
//        | --cold-start --pwsh [PATH] [--module PATH] (the PowerShell cold start alone: 11 processes of each, 5 with --quick)
// Starts the emulator in this process on a free loopback port, measures, prints a table, optionally saves JSON.
// With --pwsh, also measures the module in that PowerShell (cold start and per-item cost, see PowerShellBenchmark).
var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    return 2;
}

const string apiKey = "benchmark-key-0123456789";
var started = DateTimeOffset.UtcNow;
var total = Stopwatch.StartNew();
await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", ApiKey = apiKey });
var target = new EmulatorTarget(emulator, apiKey);
if (args.Contains("--credit-batch"))
{
    await CreditBatchBenchmark.RunAsync(target);
    return 0;
}

if (args.Contains("--cold-start"))
{
    if (settings.PwshPath is null)
    {
        Console.Error.WriteLine("--cold-start runs the module in PowerShell: give --pwsh [PATH].");
        return 2;
    }

    Console.Write(BenchmarkReport.PowerShellTable(PowerShellBenchmark.Run(target, settings, coldStartOnly: true)));
    return 0;
}

if (args.Contains("--progress"))
{
    if (settings.PwshPath is null)
    {
        Console.Error.WriteLine("--progress runs the module in PowerShell: give --pwsh [PATH].");
        return 2;
    }

    ProgressBenchmark.Run(target, settings);
    return 0;
}

var steps = settings.PwshPath is null ? 4 : 5;
Console.WriteLine($"Emulator at {emulator.BaseUri}; {(settings.Quick ? "quick" : "full")} run.");

Console.WriteLine($"1/{steps} per-request overhead...");
var overhead = await OverheadBenchmark.RunAsync(target, settings);
Console.WriteLine($"2/{steps} concurrency with injected latency...");
var concurrency = await ConcurrencyBenchmark.RunAsync(target, settings);
Console.WriteLine($"3/{steps} rate-limited batch...");
var rateLimited = await RateLimitedBatchBenchmark.RunAsync(target, settings);
Console.WriteLine($"4/{steps} memory across a long stream...");
var memory = StreamMemoryBenchmark.Run(settings);
PowerShellBenchmark.Result? powerShell = null;
if (settings.PwshPath is not null)
{
    Console.WriteLine($"5/{steps} PowerShell cold start and per-item cost ({settings.PwshPath}, {settings.ModulePath})...");
    powerShell = PowerShellBenchmark.Run(target, settings);
}

var report = new BenchmarkReport(started, settings.Quick, MachineDescription.Current(), overhead, concurrency, rateLimited, memory, powerShell, total.Elapsed.TotalSeconds);
Console.WriteLine();
Console.Write(report.ToTable());
if (settings.JsonPath is not null)
{
    report.SaveJson(settings.JsonPath);
    Console.WriteLine($"Figures written to {settings.JsonPath}");
}

return 0;
