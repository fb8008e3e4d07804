using System;
using System.Diagnostics;
using Mayar.Credit.Benchmarks;
using Mayar.Credit.Emulator;

// Usage: dotnet run -c Release --project tests/Mayar.Credit.Benchmarks -- [--quick] [--json FILE]
// Starts the emulator in this process on a free loopback port, measures, prints a table, optionally saves JSON.
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
Console.WriteLine($"Emulator at {emulator.BaseUri}; {(settings.Quick ? "quick" : "full")} run.");

Console.WriteLine("1/4 per-request overhead...");
var overhead = await OverheadBenchmark.RunAsync(target, settings);
Console.WriteLine("2/4 concurrency with injected latency...");
var concurrency = await ConcurrencyBenchmark.RunAsync(target, settings);
Console.WriteLine("3/4 rate-limited batch...");
var rateLimited = await RateLimitedBatchBenchmark.RunAsync(target, settings);
Console.WriteLine("4/4 memory across a long stream...");
var memory = StreamMemoryBenchmark.Run(settings);

var report = new BenchmarkReport(started, settings.Quick, MachineDescription.Current(), overhead, concurrency, rateLimited, memory, total.Elapsed.TotalSeconds);
Console.WriteLine();
Console.Write(report.ToTable());
if (settings.JsonPath is not null)
{
    report.SaveJson(settings.JsonPath);
    Console.WriteLine($"Figures written to {settings.JsonPath}");
}

return 0;
