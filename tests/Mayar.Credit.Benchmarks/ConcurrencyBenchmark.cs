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

    public static async Task<IReadOnlyList<Level>> RunAsync(RunningEmulator emulator, string apiKey, BenchmarkSettings settings)
    {
        var client = new MayarClient(new MayarClientOptions
        {
            ApiKey = MayarApiKey.FromString(apiKey),
            BaseUri = emulator.BaseUri,
            RequestsPerMinute = 0,
        });
        var query = new CreditBalanceQuery { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId };

        // Open the connections the widest level needs, so no level pays for another's set-up.
        emulator.State.Reset();
        await Task.WhenAll(Enumerable.Range(0, BenchmarkSettings.ConcurrencyLevels.Max()).Select(_ => client.GetCreditBalanceAsync(query)));

        emulator.State.SetLatency(settings.LatencyMs, settings.LatencyMs);
        var levels = new List<Level>();
        double? sequential = null;
        foreach (var concurrency in BenchmarkSettings.ConcurrencyLevels)
        {
            var failures = 0;
            var stopwatch = Stopwatch.StartNew();
            using (var window = new OrderedWindow<int, CreditBalance>(concurrency))
            {
                for (var i = 0; i < settings.ConcurrencyRequests; i++)
                {
                    failures += window.Add(i, () => client.GetCreditBalanceAsync(query)).Count(e => !e.Succeeded);
                }

                failures += window.Complete().Count(e => !e.Succeeded);
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            sequential ??= seconds;
            levels.Add(new Level(concurrency, seconds, sequential.Value / seconds, failures));
        }

        emulator.State.Reset();
        return levels;
    }
}
