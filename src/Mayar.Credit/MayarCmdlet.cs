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
public abstract class MayarCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private OrderedWindow<object, object?>? _window;
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
        _window = new OrderedWindow<object, object?>(ThrottleLimit, _stopping.Token);
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

    /// <summary>Cancels in-flight requests and waits when the user presses Ctrl+C.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

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
            Write(_window!.Add(input, () => Task.FromException<object?>(ex)));
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
        if (idle)
        {
            _stopping.Dispose();
        }

        GC.SuppressFinalize(this);
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

    // Starts the operation in the window, its trace lines posted back to the pipeline thread.
    private IEnumerable<OrderedWindowEvent<object, object?>> Start(object input, MayarOperation operation)
    {
        var trace = new WindowTraceListener(_window!, _debug, _verboseAsDebug);
        var client = ActiveConnection.Client;
        return _window!.Add(input, async () => (object?)await client.SendAsync(operation, trace, _stopping.Token).ConfigureAwait(false));
    }

    private void Write(IEnumerable<OrderedWindowEvent<object, object?>> events) => Write(events, WriteObject);

    private void Write(IEnumerable<OrderedWindowEvent<object, object?>> events, Action<object?> succeeded)
    {
        foreach (var item in events)
        {
            if (item.IsMessage)
            {
                WriteTrace((TraceLine)item.Message!);
            }
            else if (item.Succeeded)
            {
                succeeded(item.Result);
            }
            else if (item.IsCanceled && _stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell stops the pipeline; nothing partial is written.
            }
            else
            {
                WriteError(MayarErrorRecords.For(item.Error, item.Item));
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

    private sealed class TraceLine
    {
        public TraceLine(string text, bool isDebug)
        {
            Text = text;
            IsDebug = isDebug;
        }

        public string Text { get; }

        public bool IsDebug { get; }
    }

    // Verbose gets one line per request and per wait; with -Debug each request is also written with its bodies.
    // With -Debug alone the verbose lines go to the debug stream (see CommandTrace.VerboseGoesToDebug), and a
    // request's verbose line is left out there because its debug text starts with the same line.
    private sealed class WindowTraceListener : IMayarTraceListener
    {
        private readonly OrderedWindow<object, object?> _window;
        private readonly bool _debug;
        private readonly bool _verboseAsDebug;

        public WindowTraceListener(OrderedWindow<object, object?> window, bool debug, bool verboseAsDebug)
        {
            _window = window;
            _debug = debug;
            _verboseAsDebug = verboseAsDebug;
        }

        public void OnRequestCompleted(MayarRequestRecord record)
        {
            if (!_verboseAsDebug)
            {
                _window.Post(new TraceLine(record.ToString(), isDebug: false));
            }

            if (_debug)
            {
                _window.Post(new TraceLine(record.ToDebugString(), isDebug: true));
            }
        }

        public void OnWaiting(MayarWaitRecord record) => _window.Post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));

        public void OnReconciled(MayarReconcileRecord record) => _window.Post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));
    }
}
