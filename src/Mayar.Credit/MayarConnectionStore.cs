using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// The runspace's default connection, kept in the runspace's global session state (as AWS.Tools does),
/// so each runspace — each ForEach-Object -Parallel worker, each job — has its own and none leaks into another.
/// </summary>
internal static class MayarConnectionStore
{
    internal const string VariableName = "global:MayarCreditDefaultConnection";

    private static readonly ConcurrentDictionary<string, MayarConnection> EnvironmentConnections = new(StringComparer.Ordinal);

    public static MayarConnection? Get(SessionState sessionState) =>
        sessionState.PSVariable.GetValue(VariableName) as MayarConnection;

    /// <summary>
    /// The connection to use when none is passed: the runspace default, else one from MAYAR_API_KEY
    /// (with MAYAR_ENVIRONMENT or MAYAR_BASE_URI); null when neither exists. Bad variables throw
    /// <see cref="MayarArgumentException"/> naming the variable.
    /// </summary>
    public static MayarConnection? Resolve(SessionState sessionState) => Resolve(Get(sessionState));

    /// <summary>As <see cref="Resolve(SessionState)"/>, given the runspace default (an argument completer has no SessionState).</summary>
    public static MayarConnection? Resolve(MayarConnection? runspaceDefault)
    {
        var connection = runspaceDefault;
        if (connection is not null)
        {
            return connection;
        }

        var options = MayarEnvironmentVariables.ReadOptions(System.Environment.GetEnvironmentVariable);
        if (options is null)
        {
            return null;
        }

        // One connection per set of variable values, so commands in a loop share its pacing.
        return EnvironmentConnections.GetOrAdd(EnvironmentFingerprint(), _ => new MayarConnection(new MayarClient(options), "Environment"));
    }

    // A digest of the MAYAR_* values: the cache key holds no copy of the key itself.
    private static string EnvironmentFingerprint()
    {
        var text = string.Join("\n", MayarEnvironmentVariables.All.Select(name => System.Environment.GetEnvironmentVariable(name) ?? string.Empty));
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    public static void Set(SessionState sessionState, MayarConnection connection) =>
        sessionState.PSVariable.Set(VariableName, connection);

    public static void Clear(SessionState sessionState) =>
        sessionState.PSVariable.Set(VariableName, null);
}
