using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// A batch of top-ups without faults (issue 14: the success path must stay one request per movement): 100 top-ups of
/// one customer one at a time, and 100 over 8 customers eight in flight, each with no added latency and with 20 ms;
/// the median wall time of several rounds and the requests sent. Run alone with --credit-batch.
/// </summary>
public static class CreditBatchBenchmark
{
    private const int TopUps = 100;
    private const int Rounds = 7;

    public static async Task RunAsync(EmulatorTarget target)
    {
        Console.WriteLine($"{TopUps} top-ups without faults, median of {Rounds} rounds (after one warm-up round):");
        Console.WriteLine("  layout                          latency   median ms   requests/round");
        foreach (var latencyMs in new[] { 0, 20 })
        {
            foreach (var (name, customers, inFlight) in new[] { ("1 customer, 1 in flight", 1, 1), ("8 customers, 8 in flight", 8, 8) })
            {
                var times = new double[Rounds];
                var requests = 0;
                for (var round = -1; round < Rounds; round++)
                {
                    target.State.Reset();
                    target.State.SetLatency(latencyMs, latencyMs);
                    var ids = Enumerable.Range(0, customers).Select(i => Register(target, i)).ToArray();
                    target.State.Harness.Log.Clear();
                    var client = target.Client(0);
                    var stopwatch = Stopwatch.StartNew();
                    var failures = EmulatorTarget.RunWindowed(TopUps, inFlight, i => client.AddCreditAsync(new CreditMovementRequest { CustomerId = ids[i % customers], ProductId = EmulatorOptions.DefaultProductId, Amount = 100 }));
                    if (round >= 0)
                    {
                        times[round] = stopwatch.Elapsed.TotalMilliseconds;
                        requests = target.State.RequestLog().Count;
                    }

                    if (failures > 0)
                    {
                        throw new InvalidOperationException($"{failures} top-ups failed");
                    }
                }

                Array.Sort(times);
                Console.WriteLine($"  {name,-30}  {latencyMs,4} ms   {times[Rounds / 2],9:0.0}   {requests,14}");
            }
        }

        target.State.Reset();
    }

    private static string Register(EmulatorTarget target, int i) =>
        target.State.Store.Register(EmulatorOptions.DefaultProductId, "Batch Customer", $"batch.{Guid.NewGuid():N}.{i}@example.com", "081234567890", 0)!.CustomerId;
}
