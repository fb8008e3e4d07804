using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Counts how a command's rows ended (done, failed, outcome unknown, not sent), as they end, for the report a
/// stopped credit movement gives; and words one row of that report.
/// </summary>
internal sealed class MayarRowTally
{
    private int _done;
    private int _failed;
    private int _unknown;
    private int _notSent;

    public void Watch(Task<object> work) => work.ContinueWith(Count, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>"7 done (2 not written to the output), 1 outcome unknown, 0 failed, 12 not sent".</summary>
    public string Summary(int doneNotWritten) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} done ({1} not written to the output), {2} outcome unknown, {3} failed, {4} not sent.",
        Volatile.Read(ref _done),
        doneNotWritten,
        Volatile.Read(ref _unknown),
        Volatile.Read(ref _failed),
        Volatile.Read(ref _notSent));

    /// <summary>A line for a row whose outcome was not written; null for a row that was not sent.</summary>
    public static string? Describe(PendingRow row)
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
