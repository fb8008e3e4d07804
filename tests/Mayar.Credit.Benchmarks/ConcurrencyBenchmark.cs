using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// N balance reads with fixed injected latency, fed through <see cref="OrderedWindow{TItem, TResult}"/> (what
/// -ThrottleLimit uses) at each concurrency level; the speed-up is against concurrency 1.
/// </summary>
public static class ConcurrencyBenchmark
{
    public sealed record Level(int Concurrency, double Seconds, double Speedup, int Failures);

    public static async Task<IReadOnlyList<Level>> RunAsync(EmulatorTarget target, BenchmarkSettings settings)
    {
        var client = target.Client(requestsPerMinute: 0);
        var query = new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId };

        // Open the connections the widest level needs, so no level pays for another's set-up.
        target.State.Reset();
        await Task.WhenAll(Enumerable.Range(0, BenchmarkSettings.ConcurrencyLevels.Max()).Select(_ => client.GetCreditBalanceAsync(query)));

        target.State.SetLatency(settings.LatencyMs, settings.LatencyMs);
        var levels = new List<Level>();
        double? sequential = null;
        foreach (var concurrency in BenchmarkSettings.ConcurrencyLevels)
        {
            var stopwatch = Stopwatch.StartNew();
            var failures = EmulatorTarget.RunWindowed(settings.ConcurrencyRequests, concurrency, _ => client.GetCreditBalanceAsync(query));
            var seconds = stopwatch.Elapsed.TotalSeconds;
            sequential ??= seconds;
            levels.Add(new Level(concurrency, seconds, sequential.Value / seconds, failures));
        }

        target.State.Reset();
        return levels;
    }
}
