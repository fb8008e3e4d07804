using System;
using System.Collections.Generic;
using System.Threading;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>What a cmdlet writes as its rows finish: results and errors in input order, trace lines, progress.</summary>
public abstract partial class MayarCmdlet
{
    /// <summary>False for a write whose success carries no data, unless -PassThru asks for it.</summary>
    private protected virtual bool WritesResults => true;

    private void Write(IEnumerable<OrderedWindowEvent<PendingRow, object?>> events) => Write(events, result =>
    {
        if (WritesResults)
        {
            MayarTypeData.Write(this, result);
        }
    });

    private void Write(IEnumerable<OrderedWindowEvent<PendingRow, object?>> events, Action<object?> succeeded)
    {
        foreach (var item in events)
        {
            if (item.IsMessage)
            {
                // A write that fails here (a warning refused) stops the command as a failed result write does.
                WriteOrReport(() => WriteMessage(item.Message));
            }
            else if (_ctrlC)
            {
                // Ctrl+C: PowerShell stops the pipeline; StopProcessing accounts for what was not written.
            }
            else if (item.Succeeded)
            {
                if (!ReadsPages)
                {
                    _progress.RowFinished(failed: false);
                }

                WriteOrReport(() => succeeded(item.Result));
                _rows.Written(item.Item);
                _progressWriter?.Update();
            }
            else if (item.IsCanceled && _stopping.IsCancellationRequested)
            {
                _rows.Written(item.Item);
            }
            else
            {
                _progress.RowFinished(failed: true);
                _progressWriter?.Update();
                var record = item.Error is MayarApiException { RefusesEveryRequest: true } refused
                    ? MayarErrorRecords.For(refused, item.Item.Input)
                    : MayarErrorRecords.For(item.Error, item.Item.Input, item.Item.Label);
                _rows.Written(item.Item);
                if (item.Error is MayarApiException { RefusesEveryRequest: true })
                {
                    // Every other row would be refused the same way: one error for the command, nothing more sent.
                    StopAndThrow(record, "Stopped: the API refused the key");
                }

                if (CommandTrace.ErrorStops(this))
                {
                    // This error ends the command inside WriteError: first stop sending and write what finished
                    // (a cmdlet that moves credit), and end the progress.
                    if (ReportsUnfinishedRows)
                    {
                        FinishBeforeStop("Stopped by a terminating error");
                    }

                    CompleteProgress();
                }

                WriteOrReport(() => WriteError(record));
            }
        }
    }

    // What running work posted: a trace line, a wait the server asked for, or the progress timer's tick.
    private void WriteMessage(object? message)
    {
        switch (message)
        {
            case TraceLine line:
                WriteTrace(line);
                break;
            case ServerWait wait:
                if (_progress.ServerWait(wait.Delay))
                {
                    CommandTrace.WriteWarningLine(this, ActiveConnection.Client.Redactor.Redact(wait.Description) + ". The batch goes on after it.");
                }

                _progressWriter?.Update(now: true);
                break;
            case ProgressTick:
                Interlocked.Exchange(ref _tickPending, 0);
                _progressWriter?.Update();
                break;
        }
    }

    // One tick at a time: a pipeline thread busy elsewhere finds one tick waiting, not a backlog.
    private void PostProgressTick()
    {
        if (Interlocked.Exchange(ref _tickPending, 1) == 0)
        {
            _window?.Post(ProgressTick.Instance);
        }
    }

    private void WriteTrace(TraceLine line)
    {
        // The client already masks the key; this is the last pass before text leaves the process.
        var text = ActiveConnection.Client.Redactor.Redact(line.Text);
        if (line.IsDebug)
        {
            WriteDebug(text);
        }
        else
        {
            WriteVerbose(text);
        }
    }
}
