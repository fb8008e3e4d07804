using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client.Tests;

/// <summary>Counts work running at once and remembers the most seen, to show overlap without timing anything.</summary>
internal sealed class InFlightGauge
{
    private int _running;
    private int _most;

    public int Most => Volatile.Read(ref _most);

    /// <summary>Runs <paramref name="work"/> counted as in flight while it runs.</summary>
    public async Task<T> Measure<T>(Func<Task<T>> work)
    {
        var now = Interlocked.Increment(ref _running);
        int most;
        while ((most = Volatile.Read(ref _most)) < now && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        try
        {
            return await work();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
