using System.Management.Automation;
using Mayar.Credit.Client;

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

    /// <summary>
    /// The connection to use when none is passed: the runspace default, else one from MAYAR_API_KEY
    /// (with MAYAR_ENVIRONMENT or MAYAR_BASE_URI); null when neither exists. Bad variables throw
    /// <see cref="MayarArgumentException"/> naming the variable.
    /// </summary>
    public static MayarConnection? Resolve(SessionState sessionState)
    {
        var connection = Get(sessionState);
        if (connection is not null)
        {
            return connection;
        }

        var options = MayarEnvironmentVariables.ReadOptions(System.Environment.GetEnvironmentVariable);
        return options is null ? null : new MayarConnection(new MayarClient(options), "Environment");
    }

    public static void Set(SessionState sessionState, MayarConnection connection) =>
        sessionState.PSVariable.Set(VariableName, connection);

    public static void Clear(SessionState sessionState) =>
        sessionState.PSVariable.Set(VariableName, null);
}
