using System.Net.Http;

namespace Mayar.Credit.Client;

/// <summary>
/// One API endpoint with its input already checked: the method and route, the query or body to send, how safe it
/// is to send again, and how to read its success payload. Creating one applies the input rules (throwing
/// <see cref="MayarArgumentException"/>), so a request is validated once and sent as prepared.
/// Send it with <see cref="MayarClient.SendAsync(MayarOperation, IMayarTraceListener, System.Threading.CancellationToken)"/>.
/// </summary>
public abstract class MayarOperation
{
    // Only this assembly (and its tests) define operations: the members below are the client's contract with them.
    internal MayarOperation()
    {
    }

    /// <summary>GET or POST.</summary>
    public abstract HttpMethod Method { get; }

    /// <summary>The path, from <see cref="MayarRoutes"/>.</summary>
    public abstract string Route { get; }

    /// <summary>What sending it again does.</summary>
    public abstract RepeatSafety RepeatSafety { get; }

    /// <summary>The route with its path segments filled in (escaped); the route itself when it has none.</summary>
    internal virtual string Path => Route;

    /// <summary>The query string without '?', escaped; null when there is none.</summary>
    internal virtual string? Query => null;

    /// <summary>The JSON body as UTF-8; null when there is none.</summary>
    internal virtual byte[]? Body => null;

    /// <summary>
    /// The kind of a failure as only this endpoint knows it (e.g. registration's "already registered" 400), or
    /// null to use the shared mapping from the status.
    /// </summary>
    internal virtual MayarErrorKind? ClassifyFailure(int status, string? message) => null;

    /// <summary>Reads the success payload into the result object.</summary>
    internal abstract object ReadResult(MayarPayload payload);
}
