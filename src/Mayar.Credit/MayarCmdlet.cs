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
        using var records = new BlockingCollection<string>();
        var task = call(new QueueingTraceListener(records), _stopping.Token);
        task.ContinueWith(_ => records.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var line in records.GetConsumingEnumerable())
        {
            WriteVerbose(ActiveConnection.Client.Redactor.Redact(line));
        }

        return task.GetAwaiter().GetResult();
    }

    private sealed class QueueingTraceListener : IMayarTraceListener
    {
        private readonly BlockingCollection<string> _records;

        public QueueingTraceListener(BlockingCollection<string> records) => _records = records;

        public void OnRequestCompleted(MayarRequestRecord record) => _records.TryAdd(record.ToString());

        public void OnWaiting(MayarWaitRecord record) => _records.TryAdd(record.ToString());
    }
}
