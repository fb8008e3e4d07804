using System;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>The in-process emulator the measurements run against, and the way they drive it.</summary>
public sealed record EmulatorTarget(RunningEmulator Emulator, string ApiKey)
{
    public EmulatorState State => Emulator.State;

    /// <summary>A client for the emulator with default retries, paced to <paramref name="requestsPerMinute"/> (0: off).</summary>
    public MayarClient Client(int requestsPerMinute) => new(new MayarClientOptions
    {
        ApiKey = MayarApiKey.FromString(ApiKey),
        BaseUri = Emulator.BaseUri,
        RequestsPerMinute = requestsPerMinute,
    });

    /// <summary>Runs <paramref name="count"/> items through an <see cref="OrderedWindow{TItem, TResult}"/> of <paramref name="limit"/>, as -ThrottleLimit does; returns how many failed.</summary>
    public static int RunWindowed<T>(int count, int limit, Func<int, Task<T>> start)
    {
        var failures = 0;
        using var window = new OrderedWindow<int, T>(limit);
        for (var i = 0; i < count; i++)
        {
            var item = i;
            failures += window.Add(item, () => start(item)).Count(e => !e.IsMessage && !e.Succeeded);
        }

        return failures + window.Complete().Count(e => !e.IsMessage && !e.Succeeded);
    }
}
