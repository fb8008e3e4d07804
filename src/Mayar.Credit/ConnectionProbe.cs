using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Runs a connection test (<see cref="MayarClient.TestConnectionAsync"/>) for Test-MayarConnection and
/// Connect-Mayar -Validate, on the pipeline thread, then writes its -Verbose/-Debug lines there.
/// </summary>
internal static class ConnectionProbe
{
    /// <summary>The test's outcome; Ctrl+C (<paramref name="stopping"/>) ends it with a <see cref="PipelineStoppedException"/>.</summary>
    public static MayarConnectionTest Run(PSCmdlet cmdlet, MayarClient client, TimeSpan? timeout, CancellationToken stopping)
    {
        var lines = new ConcurrentQueue<TraceLine>();
        var trace = new WindowTraceListener(lines.Enqueue, CommandTrace.IsDebugOn(cmdlet), CommandTrace.VerboseGoesToDebug(cmdlet));
        MayarConnectionTest test;
        try
        {
            test = client.TestConnectionAsync(timeout, trace, stopping).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        while (lines.TryDequeue(out var line))
        {
            // The client already masks the key; this is the last pass before text leaves the process.
            var text = client.Redactor.Redact(line.Text);
            if (line.IsDebug)
            {
                cmdlet.WriteDebug(text);
            }
            else
            {
                cmdlet.WriteVerbose(text);
            }
        }

        return test;
    }
}
