using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Runs up to <see cref="Limit"/> items' work at once and hands their outcomes back in input order, on the
/// thread that feeds it (a cmdlet's pipeline thread), together with messages the work posts meanwhile.
/// Memory is bounded by the window: <see cref="Add"/> returns only once fewer than <see cref="Limit"/> items
/// are held, so a stream of any length holds at most <see cref="Limit"/> items and their messages.
/// Use from one thread; <see cref="Post"/> from any.
/// </summary>
public sealed class OrderedWindow<TItem, TResult> : IDisposable
{
    /// <summary>The largest window allowed.</summary>
    public const int MaxLimit = 64;

    private readonly Queue<(TItem Item, Task<TResult> Work)> _window = new();

    // Messages in the order they were posted. A ConcurrentQueue hands back every message whose Enqueue has
    // returned; a BlockingCollection does not (its count is released after the enqueue, so a message posted by one
    // thread can stay invisible behind another thread's), which let a message follow its item's outcome.
    private readonly ConcurrentQueue<object?> _messages = new();

    // Released for every message and every completion; only wakes the feeding thread, which then looks at both.
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationToken _stopWaiting;

    /// <summary>Creates a window of <paramref name="limit"/> (1 to <see cref="MaxLimit"/>) items.</summary>
    /// <param name="limit">How many items may run at once.</param>
    /// <param name="stopWaiting">When cancelled, the window stops waiting and hands back nothing more.</param>
    public OrderedWindow(int limit, CancellationToken stopWaiting = default)
    {
        if (limit < 1 || limit > MaxLimit)
        {
            throw new MayarArgumentException("ThrottleLimit", $"must be between 1 and {MaxLimit}, not {limit}.");
        }

        Limit = limit;
        _stopWaiting = stopWaiting;
    }

    /// <summary>How many items may run at once.</summary>
    public int Limit { get; }

    /// <summary>How many items the window holds: running, or done and waiting for an earlier one.</summary>
    public int Count => _window.Count;

    /// <summary>Queues a message for the feeding thread. Safe from any thread; ignored once the window is disposed.</summary>
    public void Post(object? message)
    {
        _messages.Enqueue(message);
        Wake();
    }

    /// <summary>
    /// Starts <paramref name="start"/> for <paramref name="item"/> and yields, in order, the messages posted and
    /// every outcome that is next in input order; waits while the window is full. Enumerate the result fully.
    /// A <paramref name="start"/> that throws is that item's failure, reported in its turn.
    /// </summary>
    public IEnumerable<OrderedWindowEvent<TItem, TResult>> Add(TItem item, Func<Task<TResult>> start)
    {
        Task<TResult> work;
        try
        {
            work = start() ?? throw new InvalidOperationException("The work for an item returned no task.");
        }
        catch (Exception ex)
        {
            work = Task.FromException<TResult>(ex);
        }

        _window.Enqueue((item, work));
        work.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Pump(Limit - 1);
    }

    /// <summary>Yields everything left, in order, waiting for the items still running.</summary>
    public IEnumerable<OrderedWindowEvent<TItem, TResult>> Complete() => Pump(0);

    /// <summary>Stops waking the feeding thread; messages posted afterwards are dropped with the window.</summary>
    public void Dispose() => _wake.Dispose();

    // Hands back messages and finished head items until the window holds at most `keep` items.
    private IEnumerable<OrderedWindowEvent<TItem, TResult>> Pump(int keep)
    {
        while (true)
        {
            // Which head items have finished is read before the messages are drained: an item's work posts its
            // messages before it completes, so every message of an item counted here is drained ahead of its
            // outcome. (Draining first would let a message posted between the drain and this count follow it.)
            var finished = CountFinishedAtHead();
            while (_messages.TryDequeue(out var message))
            {
                yield return OrderedWindowEvent<TItem, TResult>.ForMessage(message);
            }

            for (; finished > 0; finished--)
            {
                var (item, work) = _window.Dequeue();
                yield return Outcome(item, work);
            }

            if (_window.Count <= keep)
            {
                yield break;
            }

            // A head that finished after the count, or a message that came meanwhile: look again rather than wait.
            if (_window.Peek().Work.IsCompleted || !_messages.IsEmpty)
            {
                continue;
            }

            if (!WaitForWake())
            {
                yield break;
            }
        }
    }

    private int CountFinishedAtHead()
    {
        var finished = 0;
        foreach (var entry in _window)
        {
            if (!entry.Work.IsCompleted)
            {
                break;
            }

            finished++;
        }

        return finished;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed: nobody is listening any more.
        }
    }

    // Blocks until a message or a completion arrives; false when told to stop waiting.
    private bool WaitForWake()
    {
        try
        {
            _wake.Wait(_stopWaiting);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static OrderedWindowEvent<TItem, TResult> Outcome(TItem item, Task<TResult> work)
    {
        if (work.IsCanceled)
        {
            return OrderedWindowEvent<TItem, TResult>.ForOutcome(item, default!, null, isCanceled: true);
        }

        if (work.IsFaulted)
        {
            var error = work.Exception!.InnerExceptions.Count == 1 ? work.Exception.InnerException! : work.Exception;
            return OrderedWindowEvent<TItem, TResult>.ForOutcome(item, default!, error, isCanceled: error is OperationCanceledException);
        }

        return OrderedWindowEvent<TItem, TResult>.ForOutcome(item, work.Result, null, isCanceled: false);
    }
}
