using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Base of the cmdlets that call the API: resolves the connection, runs one client call per record on
/// the pipeline thread (cancelled by Ctrl+C), writes -Verbose lines as requests finish, and turns
/// failures into non-terminating ErrorRecords attached to their input.
/// </summary>
public abstract class MayarCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The connection to use instead of the runspace's default (from Connect-Mayar -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public MayarConnection? Connection { get; set; }

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
        WriteVerbose($"Using {connection}.");
    }

    /// <summary>Cancels in-flight requests when the user presses Ctrl+C.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Validates, asks ShouldProcess, sends and writes the result — or writes an error for this input and
    /// returns so the pipeline goes on with the next one.
    /// </summary>
    internal void Execute<T>(object input, Action validate, string? shouldProcessTarget, string? shouldProcessAction, Func<IMayarTraceListener, CancellationToken, Task<T>> call)
    {
        try
        {
            validate();
        }
        catch (MayarArgumentException ex)
        {
            WriteError(MayarErrorRecords.InvalidArgument(ex, input));
            return;
        }

        if (shouldProcessTarget is not null && !ShouldProcess(shouldProcessTarget, shouldProcessAction))
        {
            return;
        }

        try
        {
            WriteObject(RunWithVerbose(call));
        }
        catch (MayarArgumentException ex)
        {
            WriteError(MayarErrorRecords.InvalidArgument(ex, input));
        }
        catch (MayarApiException ex)
        {
            WriteError(MayarErrorRecords.Api(ex, input));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Ctrl+C: PowerShell stops the pipeline; nothing partial is written.
        }
    }

    /// <summary>Disposes the cancellation source.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    // Runs the call while writing each finished request's trace line from this (the pipeline) thread.
    private T RunWithVerbose<T>(Func<IMayarTraceListener, CancellationToken, Task<T>> call)
    {
        using var lines = new BlockingCollection<TraceLine>();
        var task = call(new QueueingTraceListener(lines, IsDebugOn()), _stopping.Token);
        task.ContinueWith(_ => lines.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var line in lines.GetConsumingEnumerable())
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

        return task.GetAwaiter().GetResult();
    }

    // -Debug on the command line, or $DebugPreference set in the caller's scope.
    private bool IsDebugOn()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter flag)
        {
            return flag.IsPresent;
        }

        return GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
    }

    private readonly struct TraceLine
    {
        public TraceLine(string text, bool isDebug)
        {
            Text = text;
            IsDebug = isDebug;
        }

        public string Text { get; }

        public bool IsDebug { get; }
    }

    // Verbose gets one line per request; with -Debug each request is also written with its bodies.
    private sealed class QueueingTraceListener : IMayarTraceListener
    {
        private readonly BlockingCollection<TraceLine> _lines;
        private readonly bool _debug;

        public QueueingTraceListener(BlockingCollection<TraceLine> lines, bool debug)
        {
            _lines = lines;
            _debug = debug;
        }

        public void OnRequestCompleted(MayarRequestRecord record)
        {
            _lines.TryAdd(new TraceLine(record.ToString(), isDebug: false));
            if (_debug)
            {
                _lines.TryAdd(new TraceLine(record.ToDebugString(), isDebug: true));
            }
        }

        public void OnWaiting(MayarWaitRecord record) => _lines.TryAdd(new TraceLine(record.ToString(), isDebug: false));
    }
}
