using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// A command's rows sent and not yet written, and how every row ended (done, failed, outcome unknown, not sent),
/// counted as they end: what a stopped credit movement reports. Thread-safe.
/// </summary>
internal sealed class MayarRowTally
{
    private readonly ConcurrentDictionary<long, PendingRow> _unwritten = new();

    private int _done;
    private int _failed;
    private int _unknown;
    private int _notSent;

    /// <summary>Completes when every row not yet written has its outcome.</summary>
    public Task Settled => Task.WhenAll(_unwritten.Values.Select(r => r.Work).Where(t => t is not null).Select(t => (Task)t!));

    /// <summary>A row whose work has started.</summary>
    public void Track(PendingRow row, Task<object> work)
    {
        row.Work = work;
        _unwritten[row.Index] = row;
        work.ContinueWith(Count, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A row whose outcome was written (or needs no report).</summary>
    public void Written(PendingRow row) => _unwritten.TryRemove(row.Index, out _);

    /// <summary>
    /// Waits (up to <paramref name="wait"/>) for the rows not written, then words them: one line per row done but
    /// not written or unknown, and the counts after <paramref name="reason"/>.
    /// </summary>
    public IReadOnlyList<string> Report(string reason, TimeSpan wait)
    {
        var rows = _unwritten.Values.OrderBy(r => r.Index).ToList();
        try
        {
            Task.WaitAll(rows.Select(r => r.Work).Where(t => t is not null).Select(t => (Task)t!).ToArray(), wait);
        }
        catch (AggregateException)
        {
            // Failures are read row by row below.
        }

        var lines = rows.Select(Describe).Where(line => line is not null).Select(line => line!).ToList();
        lines.Add(reason + ": " + Summary(rows.Count(r => r.Work?.Status == TaskStatus.RanToCompletion)));
        return lines;
    }

    /// <summary>"7 done (2 not written to the output), 1 outcome unknown, 0 failed, 12 not sent".</summary>
    private string Summary(int doneNotWritten) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} done ({1} not written to the output), {2} outcome unknown, {3} failed, {4} not sent.",
        Volatile.Read(ref _done),
        doneNotWritten,
        Volatile.Read(ref _unknown),
        Volatile.Read(ref _failed),
        Volatile.Read(ref _notSent));

    /// <summary>A line for a row whose outcome was not written; null for a row that was not sent.</summary>
    private static string? Describe(PendingRow row)
    {
        var work = row.Work;
        if (work is null || work.IsCanceled)
        {
            return null;
        }

        if (!work.IsCompleted)
        {
            return "Outcome unknown (still running when the command stopped): row " + row.Index.ToString(CultureInfo.InvariantCulture) + ", " + row.Input;
        }

        if (work.Status == TaskStatus.RanToCompletion)
        {
            return "Done but not written to the output: row " + row.Index.ToString(CultureInfo.InvariantCulture) + ", " + work.Result;
        }

        var error = work.Exception?.InnerException;
        return error switch
        {
            OperationCanceledException => null,
            MayarApiException { MayHaveBeenProcessed: true } unknown => unknown.Message,
            _ => "Failed (not written as an error): row " + row.Index.ToString(CultureInfo.InvariantCulture) + ", " + error?.Message,
        };
    }

    private void Count(Task<object> work)
    {
        var error = work.Exception?.InnerException;
        if (work.Status == TaskStatus.RanToCompletion)
        {
            Interlocked.Increment(ref _done);
        }
        else if (work.IsCanceled || error is OperationCanceledException)
        {
            Interlocked.Increment(ref _notSent);
        }
        else if (error is MayarApiException { MayHaveBeenProcessed: true })
        {
            Interlocked.Increment(ref _unknown);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
