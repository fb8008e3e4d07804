using System;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// A stream of 100,000 items through <see cref="OrderedWindow{TItem, TResult}"/> at the widest window, each
/// item's work asynchronous, posting a trace line and returning a result as the cmdlets' calls do. Retained
/// managed memory is read after a full collection every 10,000 items: what the window keeps, not garbage.
/// </summary>
public static class StreamMemoryBenchmark
{
    public sealed record Result(int Items, int Window, double BaselineMb, double PeakGrowthMb, double FinalGrowthMb, int Outcomes);

    private const int Checkpoint = 10_000;

    public static Result Run(BenchmarkSettings settings)
    {
        var window = OrderedWindow<int, CreditBalance>.MaxLimit;
        var baseline = Retained();
        var peak = 0L;
        var outcomes = 0;
        using (var ordered = new OrderedWindow<int, CreditBalance>(window))
        {
            for (var i = 0; i < settings.StreamItems; i++)
            {
                var n = i;
                foreach (var e in ordered.Add(n, async () =>
                {
                    await Task.Yield();
                    ordered.Post($"GET /credit/v1/credit/customer/balance -> 200 (1 ms) item {n}");
                    return new CreditBalance { CustomerId = "9de4b4b4-525c-4ee0-ac9c-b29c3e10fe55", ProductId = "2b649982-411e-42e0-9b9c-0a17f9a55d44", Balance = n };
                }))
                {
                    // What a cmdlet writes goes down the pipeline: nothing is kept here.
                    outcomes += e.IsMessage ? 0 : 1;
                }

                if ((i + 1) % Checkpoint == 0)
                {
                    peak = Math.Max(peak, Retained() - baseline);
                }
            }

            foreach (var e in ordered.Complete())
            {
                outcomes += e.IsMessage ? 0 : 1;
            }
        }

        var final = Retained() - baseline;
        return new Result(settings.StreamItems, window, baseline / Mb, Math.Max(peak, final) / Mb, final / Mb, outcomes);
    }

    private const double Mb = 1024 * 1024;

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
