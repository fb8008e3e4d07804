using System;
using System.Management.Automation;
using System.Threading;

namespace Mayar.Credit;

/// <summary>
/// How a command that moves credit stops (Ctrl+C, -ErrorAction Stop, an error thrown downstream): nothing more is
/// sent, what is in flight may finish, what finished is written or reported to the host, row by row.
/// </summary>
public abstract partial class MayarCmdlet
{
    /// <summary>
    /// Ctrl+C: nothing more is sent. A cmdlet that moves credit (<see cref="ReportsUnfinishedRows"/>) lets the
    /// requests already sent finish within the client's grace period and then tells the host, row by row, what was
    /// done but not written and what is unknown; any other cmdlet stops waiting at once.
    /// </summary>
    protected override void StopProcessing()
    {
        _ctrlC = true;
        Cancel(_stopping);
        try
        {
            if (ReportsUnfinishedRows)
            {
                ReportUnfinished("Stopped (Ctrl+C)");
            }
        }
        finally
        {
            Cancel(_abandon);

            // PowerShell may have disposed the command while the report waited (a write refused as it stops). The
            // rows have settled by now: release what they used (the journal) before the stop returns, rather than
            // on whichever thread finished the last row, which can come after the stopped command has returned.
            if (_disposed && Settled.IsCompleted)
            {
                ReleaseWhenSettled(Settled);
            }
        }
    }

    /// <summary>
    /// Ends the command with <paramref name="record"/>: nothing more is sent, and the rows that finished before are
    /// written (or reported to the host) first.
    /// </summary>
    private protected void StopAndThrow(ErrorRecord record, string reason = "Stopped by a terminating error")
    {
        FinishBeforeStop(reason);
        CompleteProgress();
        ThrowTerminatingError(record);
    }

    // Before an error that ends the command: nothing more is sent; a cmdlet that moves credit writes what finished
    // and reports the rest to the host.
    private void FinishBeforeStop(string reason)
    {
        Cancel(_stopping);
        if (ReportsUnfinishedRows)
        {
            WriteFinished();
            ReportUnfinished(reason);
        }
    }

    // A write that fails (an error thrown downstream): nothing more is sent, and what finished is told to the host.
    // (-ErrorAction Stop is foreseen before its WriteError, which stops the pipeline before it returns.)
    private void WriteOrReport(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            Cancel(_stopping);
            if (ReportsUnfinishedRows)
            {
                ReportUnfinished("Stopped by an error (" + ex.GetType().Name + ")");
            }

            try
            {
                CompleteProgress();
            }
            catch (Exception progress) when (progress is PipelineStoppedException or InvalidOperationException)
            {
                // The host no longer takes progress: it clears the activity with the pipeline.
            }

            throw;
        }
    }

    // After a terminating error: the rows still in flight finish (within the grace period) and their results are
    // written in input order; their failures cannot be written as errors any more and are left for the report.
    private void WriteFinished()
    {
        foreach (var item in _window!.Complete())
        {
            if (item.IsMessage)
            {
                WriteMessage(item.Message);
            }
            else if (item.Succeeded)
            {
                MayarTypeData.Write(this, item.Result);
                _rows.Written(item.Item);
            }
            else if (item.IsCanceled)
            {
                _rows.Written(item.Item);
            }
        }
    }

    // Tells the host, once, what the rows not written came to: one line per row done or unknown, and the counts.
    private void ReportUnfinished(string reason)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 1)
        {
            return;
        }

        var wait = ActiveConnection.Client.StopGracePeriod + ActiveConnection.Client.ReconcileSettleDelay + TimeSpan.FromSeconds(5);
        var lines = _rows.Report(reason, wait);
        try
        {
            foreach (var line in lines)
            {
                Host?.UI?.WriteWarningLine(ActiveConnection.Client.Redactor.Redact(line));
            }
        }
        catch (Exception ex) when (ex is PipelineStoppedException or InvalidOperationException or NotImplementedException)
        {
            // A host without a UI: the journal, when there is one, still records every outcome.
        }
    }

    // A command PowerShell has already disposed (idle, so its sources were disposed with it) has nothing to cancel.
    private static void Cancel(System.Threading.CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Nothing was running.
        }
    }
}
