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
    private BatchProgress _progress = null!;
    private MayarProgressWriter? _progressWriter;
    private Timer? _progressTicks;
    private int _tickPending;
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
        _progress = new BatchProgress(connection.Client.RateLimiter, ReadsPages);
        if (CommandTrace.IsProgressOn(this))
        {
            _progressWriter = new MayarProgressWriter(this, MyInvocation.MyCommand.Name, _progress);
            _progressTicks = new Timer(_ => PostProgressTick(), null, BatchProgress.MinInterval, BatchProgress.MinInterval);
        }

        WriteTrace(new TraceLine($"Using {connection}.", isDebug: _verboseAsDebug));
    }

    /// <summary>Waits for the requests still in flight, writes their outcomes in order, and completes the progress.</summary>
    protected override void EndProcessing()
    {
        if (_window is not null)
        {
            Write(_window.Complete());
        }

        CompleteProgress();
    }

    // The activity ends with the command, however it ends (a terminating error included); once.
    private protected void CompleteProgress()
    {
        _progressTicks?.Dispose();
        _progressWriter?.Complete();
        _progressWriter = null;
    }

    /// <summary>True for a cmdlet that reads pages: its progress counts pages and entries rather than rows.</summary>
    private protected virtual bool ReadsPages => false;

    /// <summary>A page of <paramref name="entries"/> entries was read (a list's progress).</summary>
    private protected void PageRead(int entries)
    {
        _progress.PageRead(entries);
        _progressWriter?.Update();
    }

    /// <summary>The next row of the input: numbered in input order, named by <paramref name="identity"/> in its errors.</summary>
    private protected PendingRow NextRow(object input, string? identity) => new(++_inputs, input, identity);
    /// <summary>True for cmdlets whose unfinished rows must be accounted for on a stop (credit movements).</summary>
    private protected virtual bool ReportsUnfinishedRows => false;

    /// <summary>Sends one operation; a cmdlet may send it its own way (a credit movement with its journal).</summary>
    private protected virtual Task<object> SendAsync(MayarClient client, MayarOperation operation, IMayarTraceListener trace, CancellationToken cancellationToken) =>
        client.SendAsync(operation, trace, cancellationToken);

    /// <summary>Completes when every row sent so far has its outcome.</summary>
    private protected Task Settled => _rows.Settled;

    /// <summary>
    /// Sends one row's operation: <paramref name="create"/> applies the input rules here, on the pipeline thread
    /// (a row it refuses is written as its error in its turn); a change is confirmed with ShouldProcess; then the
    /// request starts and whatever is next in input order is written.
    /// </summary>
    /// <param name="input">The request built from the row: the TargetObject of its error.</param>
    /// <param name="identity">What names the row in its error and the progress (an email, a customer id).</param>
    /// <param name="create">Makes the operation, applying the input rules.</param>
    /// <param name="confirmTarget">What -WhatIf and -Confirm name for a change; null to send without asking.</param>
    /// <param name="confirmAction">The change's name for -WhatIf and -Confirm ("Register").</param>
    private protected void Submit(object input, string? identity, Func<MayarOperation> create, Func<string>? confirmTarget, string confirmAction)
    {
        var row = NextRow(input, identity);
        MayarOperation operation;
        try
        {
            operation = create();
        }
        catch (MayarArgumentException ex)
        {
            Write(_window!.Add(row, () => Task.FromException<object?>(ex)));
            return;
        }

        if (!operation.Endpoint.IsRead && confirmTarget is not null && !ShouldProcess(confirmTarget(), confirmAction))
        {
            return;
        }

        Write(Start(row, operation));
    }

    /// <summary>Writes <paramref name="row"/>'s refused input as its error, now (a list's first page that cannot be built).</summary>
    private protected void WriteInvalid(PendingRow row, MayarArgumentException error)
    {
        _progress.RowFinished(failed: true);
        if (CommandTrace.ErrorStops(this))
        {
            // WriteError will end the command before it returns.
            CompleteProgress();
        }

        WriteError(MayarErrorRecords.InvalidArgument(error, row.Input, row.Label));
    }

    /// <summary>Disposes the window, and the cancellation source once nothing uses it.</summary>
    public void Dispose()
    {
        // After a terminating error (-ErrorAction Stop) later inputs may still be in flight: they finish
        // unobserved rather than being cut off mid-request, so their token must stay usable.
        var idle = _window is null || _window.Count == 0;
        _window?.Dispose();
        ReleaseWhenSettled(Settled);
        _progressTicks?.Dispose();
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
    private protected object? SendAndWait(PendingRow row, MayarOperation operation)
    {
        object? result = null;
        Write(Start(row, operation), r => result = r);
        Write(_window!.Complete(), r => result = r);
        return result;
    }

    // Starts the operation in the window, its trace lines posted back to the pipeline thread. Until its outcome is
    // written the row is "unwritten", so a stop can account for it.
    private IEnumerable<OrderedWindowEvent<PendingRow, object?>> Start(PendingRow row, MayarOperation operation)
    {
        var trace = new WindowTraceListener(_window!, _debug, _verboseAsDebug);
        var client = ActiveConnection.Client;
        _progress.RowStarting(row.Label);
        _progressWriter?.Update();
        return _window!.Add(row, () =>
        {
            var work = SendAsync(client, operation, trace, _stopping.Token);
            _rows.Track(row, work);
            return WithNullable(work);
        });
    }

    private static async Task<object?> WithNullable(Task<object> work) => await work.ConfigureAwait(false);
}
