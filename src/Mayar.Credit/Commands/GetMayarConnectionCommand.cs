using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Shows the connection the Mayar cmdlets will use, with the key masked.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MayarConnection")]
[OutputType(typeof(MayarConnection))]
public sealed class GetMayarConnectionCommand : PSCmdlet
{
    /// <summary>Writes the runspace default, or the one $env:MAYAR_API_KEY gives; nothing when neither exists.</summary>
    protected override void EndProcessing()
    {
        MayarConnection? connection;
        try
        {
            connection = MayarConnectionStore.Resolve(SessionState);
        }
        catch (MayarArgumentException ex)
        {
            WriteError(MayarErrorRecords.InvalidArgument(ex, null));
            return;
        }

        if (connection is null)
        {
            CommandTrace.WriteVerboseLine(this, "Not connected: run Connect-Mayar or set $env:MAYAR_API_KEY.");
            return;
        }

        MayarTypeData.Write(this, connection);
    }
}
