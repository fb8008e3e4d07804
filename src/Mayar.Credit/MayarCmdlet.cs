using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Base of the cmdlets that call the API: resolves the connection, runs each record's operation with up
/// to -ThrottleLimit in flight (cancelled by Ctrl+C), and writes - on the pipeline thread only, in input
/// order - each result, or a non-terminating ErrorRecord attached to its input, and the -Verbose/-Debug
/// trace lines as requests finish. A cmdlet derives from <see cref="MayarOperationCmdlet{TRequest}"/>.
/// </summary>
public abstract partial class MayarCmdlet : PSCmdlet, IDisposable
{
    // _stopping: nothing more is sent (Ctrl+C, or a terminating error); requests in flight may still finish.
    // _abandon: the pipeline thread stops waiting for them (after the stop summary, for cmdlets that give one).
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly MayarRowTally _rows = new();
    private OrderedWindow<PendingRow, object?>? _window;
    private long _inputs;
    private int _reported;
    private volatile bool _ctrlC;
    private volatile bool _disposed;
    private bool _debug;
    private bool _verboseAsDebug;

    /// <summary>The connection to use instead of the runspace's default (from Connect-Mayar -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public MayarConnection? Connection { get; set; }

    /// <summary>
    /// How many requests may be in flight at once across the pipeline's input (1-64; default 1). Output stays
    /// in input order; the connection's pace and retries still apply.
    /// </summary>
    [Parameter]
    [ValidateRange(1, OrderedWindow<object, object>.MaxLimit)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>The resolved connection, set in BeginProcessing.</summary>
    internal MayarConnection ActiveConnection { get; private set; } = null!;

    /// <summary>Resolves the connection: -Connection, then the runspace default, then MAYAR_API_KEY; otherwise stops.</summary>
    protected override void BeginProcessing()
    {
        MayarConnection? connection;
        try
        {
            connection = Connection ?? MayarConnectionStore.Resolve(SessionState);
        }
        catch (MayarArgumentException ex)
        {
            ThrowTerminatingError(MayarErrorRecords.InvalidArgument(ex, null));
            return;
        }

        if (connection is null)
        {
            ThrowTerminatingError(MayarErrorRecords.NotConnected());
            return;
        }

        ActiveConnection = connection;
        _debug = CommandTrace.IsDebugOn(this);
        _verboseAsDebug = CommandTrace.VerboseGoesToDebug(this);
        _window = new OrderedWindow<PendingRow, object?>(ThrottleLimit, _abandon.Token);
        WriteTrace(new TraceLine($"Using {connection}.", isDebug: _verboseAsDebug));
    }

    /// <summary>Waits for the requests still in flight and writes their outcomes in order.</summary>
    protected override void EndProcessing()
    {
        if (_window is not null)
        {
            Write(_window.Complete());
        }
    }

    /// <summary>True for cmdlets whose unfinished rows must be accounted for on a stop (credit movements).</summary>
    private protected virtual bool ReportsUnfinishedRows => false;

    /// <summary>Sends one operation; a cmdlet may send it its own way (a credit movement with its journal).</summary>
    private protected virtual Task<object> SendAsync(MayarClient client, MayarOperation operation, IMayarTraceListener trace, CancellationToken cancellationToken) =>
        client.SendAsync(operation, trace, cancellationToken);

    /// <summary>Completes when every row sent so far has its outcome.</summary>
    private protected Task Settled => _rows.Settled;

    /// <summary>
    /// Sends one input's operation: <paramref name="create"/> applies the input rules here, on the pipeline thread
    /// (an input it refuses is written as its error in its turn); a change is confirmed with ShouldProcess; then the
    /// request starts and whatever is next in input order is written.
    /// </summary>
    private protected void Submit(object input, Func<MayarOperation> create, Func<string>? confirmTarget, string confirmAction)
    {
        MayarOperation operation;
        try
        {
            operation = create();
        }
        catch (MayarArgumentException ex)
        {
            Write(_window!.Add(new PendingRow(++_inputs, input), () => Task.FromException<object?>(ex)));
            return;
        }

        if (operation.RepeatSafety != RepeatSafety.Read && confirmTarget is not null && !ShouldProcess(confirmTarget(), confirmAction))
        {
            return;
        }

        Write(Start(input, operation));
    }

    /// <summary>Disposes the window, and the cancellation source once nothing uses it.</summary>
    public void Dispose()
    {
        // After a terminating error (-ErrorAction Stop) later inputs may still be in flight: they finish
        // unobserved rather than being cut off mid-request, so their token must stay usable.
        var idle = _window is null || _window.Count == 0;
        _window?.Dispose();
        ReleaseWhenSettled(Settled);
        _disposed = true;
        if (idle)
        {
            _stopping.Dispose();
            _abandon.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the rows in flight still use (a journal) once <paramref name="settled"/> completes.</summary>
    private protected virtual void ReleaseWhenSettled(Task settled)
    {
    }

    /// <summary>
    /// Sends one operation now and waits for it (a page of a list): its trace lines are written as they come, a
    /// failure is written as this input's error. Returns the result, or null when it failed or Ctrl+C stopped it.
    /// </summary>
    private protected object? SendAndWait(object input, MayarOperation operation)
    {
        object? result = null;
        Write(Start(input, operation), r => result = r);
        Write(_window!.Complete(), r => result = r);
        return result;
    }

    // Starts the operation in the window, its trace lines posted back to the pipeline thread. Until its outcome is
    // written the row is "unwritten", so a stop can account for it.
    private IEnumerable<OrderedWindowEvent<PendingRow, object?>> Start(object input, MayarOperation operation)
    {
        var trace = new WindowTraceListener(_window!, _debug, _verboseAsDebug);
        var client = ActiveConnection.Client;
        var row = new PendingRow(++_inputs, input);
        return _window!.Add(row, () =>
        {
            var work = SendAsync(client, operation, trace, _stopping.Token);
            _rows.Track(row, work);
            return WithNullable(work);
        });
    }

    private static async Task<object?> WithNullable(Task<object> work) => await work.ConfigureAwait(false);

    private void Write(IEnumerable<OrderedWindowEvent<PendingRow, object?>> events) => Write(events, WriteObject);

    private void Write(IEnumerable<OrderedWindowEvent<PendingRow, object?>> events, Action<object?> succeeded)
    {
        foreach (var item in events)
        {
            if (item.IsMessage)
            {
                WriteTrace((TraceLine)item.Message!);
            }
            else if (_ctrlC)
            {
                // Ctrl+C: PowerShell stops the pipeline; StopProcessing accounts for what was not written.
            }
            else if (item.Succeeded)
            {
                WriteOrReport(() => succeeded(item.Result));
                _rows.Written(item.Item);
            }
            else if (item.IsCanceled && _stopping.IsCancellationRequested)
            {
                _rows.Written(item.Item);
            }
            else
            {
                var record = MayarErrorRecords.For(item.Error, item.Item.Input);
                _rows.Written(item.Item);
                if (item.Error is MayarApiException { RefusesEveryRequest: true })
                {
                    // Every other row would be refused the same way: one error for the command, nothing more sent.
                    StopAndThrow(record, "Stopped: the API refused the key");
                }

                if (ReportsUnfinishedRows && CommandTrace.ErrorStops(this))
                {
                    // This error ends the command inside WriteError: first stop sending and write what finished.
                    FinishBeforeStop("Stopped by a terminating error");
                }

                WriteOrReport(() => WriteError(record));
            }
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
