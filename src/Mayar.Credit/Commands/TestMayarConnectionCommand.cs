using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Tests a Mayar connection with one cheap read: whether the API answers and accepts the key.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MayarConnection", DefaultParameterSetName = ResultSet)]
[OutputType(typeof(MayarConnectionTest), ParameterSetName = new[] { ResultSet })]
[OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
public sealed class TestMayarConnectionCommand : StoppableCmdlet
{
    private const string ResultSet = "Result";
    private const string QuietSet = "Quiet";

    /// <summary>The connection to test instead of the runspace's default (from Connect-Mayar -PassThru); several may be piped in.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public MayarConnection? Connection { get; set; }

    /// <summary>
    /// How long the test waits, in seconds (1–600), for its turn in the connection's pace and for the answer.
    /// Default: 10, or the connection's -TimeoutSec when that is shorter.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = (int)MayarClient.DefaultConnectionTestTimeout.TotalSeconds;

    /// <summary>Writes only $true (the API answered and accepted the key) or $false, and no error (like Test-Connection -Quiet).</summary>
    [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Tests the connection given, piped, or in use.</summary>
    protected override void ProcessRecord()
    {
        MayarConnection? connection;
        try
        {
            connection = Connection ?? MayarConnectionStore.Resolve(SessionState);
        }
        catch (MayarArgumentException ex)
        {
            if (Quiet)
            {
                CommandTrace.WriteVerboseLine(this, ex.Message);
                WriteObject(false);
                return;
            }

            ThrowTerminatingError(MayarErrorRecords.InvalidArgument(ex, null));
            return;
        }

        if (connection is null)
        {
            if (Quiet)
            {
                CommandTrace.WriteVerboseLine(this, "Not connected: run Connect-Mayar or set $env:MAYAR_API_KEY.");
                WriteObject(false);
                return;
            }

            ThrowTerminatingError(MayarErrorRecords.NotConnected());
            return;
        }

        var client = connection.Client;
        CommandTrace.WriteVerboseLine(this, $"Testing {connection}.");
        TimeSpan? timeout = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : null;
        var test = ConnectionProbe.Run(this, client, timeout, StopToken);
        CommandTrace.WriteVerboseLine(this, client.Redactor.Redact(test.ToString())!);
        if (Quiet)
        {
            WriteObject(test.KeyAccepted == true);
        }
        else
        {
            MayarTypeData.Write(this, test);
        }
    }
}
