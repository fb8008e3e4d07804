using System;
using System.Management.Automation;
using System.Threading;

namespace Mayar.Credit;

/// <summary>
/// Base of the cmdlets outside <see cref="MayarCmdlet"/> that wait for a request on the pipeline thread
/// (Connect-Mayar -Validate, Test-MayarConnection): Ctrl+C cancels <see cref="StopToken"/>.
/// </summary>
public abstract class StoppableCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled by Ctrl+C.</summary>
    private protected CancellationToken StopToken => _stopping.Token;

    /// <summary>Ctrl+C: the request in flight is cancelled.</summary>
    protected override void StopProcessing()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command had already finished.
        }
    }

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
