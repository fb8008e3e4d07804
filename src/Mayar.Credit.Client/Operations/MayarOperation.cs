using System;
using System.Net.Http;

namespace Mayar.Credit.Client;

/// <summary>
/// One API endpoint with its input already checked: its <see cref="MayarEndpoint"/> (method, route, retry rule,
/// re-run answer), the query or body to send, and how to read its success payload. Creating one applies the input
/// rules (throwing <see cref="MayarArgumentException"/>), so a request is validated once and sent as prepared.
/// Endpoints derive <see cref="JsonOperation{TRequest, TResult}"/>, which sends a body or a query; send one with
/// <see cref="MayarClient.SendAsync(MayarOperation, IMayarTraceListener, System.Threading.CancellationToken)"/>.
/// </summary>
public abstract class MayarOperation
{
    // Only this assembly (and its tests) define operations: the members below are the client's contract with them.
    internal MayarOperation()
    {
    }

    /// <summary>The endpoint's declaration.</summary>
    public abstract MayarEndpoint Endpoint { get; }

    /// <summary>GET or POST.</summary>
    public HttpMethod Method => Endpoint.Method;

    /// <summary>The path, from <see cref="MayarRoutes"/>.</summary>
    public string Route => Endpoint.Route;

    /// <summary>When the transport may send it again.</summary>
    public MayarRetryRule RetryRule => Endpoint.RetryRule;

    /// <summary>What sending it again answers when the first send may have been processed.</summary>
    public RepeatAnswer RepeatAnswer => Endpoint.RepeatAnswer;

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

    /// <summary>The request an operation is created from: required.</summary>
    private protected static T Given<T>(T? request, string name)
        where T : class => request ?? throw new ArgumentNullException(name);
}
