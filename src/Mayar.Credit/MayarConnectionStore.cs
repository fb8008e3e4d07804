using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// The runspace's default connection, kept in the runspace's global session state (as AWS.Tools does),
/// so each runspace — each ForEach-Object -Parallel worker, each job — has its own and none leaks into another.
/// </summary>
internal static class MayarConnectionStore
{
    internal const string VariableName = "global:MayarCreditDefaultConnection";

    public static MayarConnection? Get(SessionState sessionState) =>
        sessionState.PSVariable.GetValue(VariableName) as MayarConnection;

    public static void Set(SessionState sessionState, MayarConnection connection) =>
        sessionState.PSVariable.Set(VariableName, connection);

    public static void Clear(SessionState sessionState) =>
        sessionState.PSVariable.Set(VariableName, null);
}
