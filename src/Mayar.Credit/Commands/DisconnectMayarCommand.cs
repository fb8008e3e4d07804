using System.Management.Automation;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Forgets this runspace's default Mayar connection.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Mayar")]
[OutputType(typeof(MayarConnection))]
public sealed class DisconnectMayarCommand : PSCmdlet
{
    /// <summary>Write the connection that was removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Clears the default connection (connections held in variables keep working).</summary>
    protected override void EndProcessing()
    {
        var connection = MayarConnectionStore.Get(SessionState);
        MayarConnectionStore.Clear(SessionState);
        CommandTrace.WriteVerboseLine(this, connection is null ? "There was no default connection." : $"Disconnected: {connection}.");
        if (PassThru && connection is not null)
        {
            MayarTypeData.Write(this, connection);
        }
    }
}
