using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mayar.Credit.Client;

/// <summary>
/// An endpoint that speaks JSON: the base holds its declaration and the request (required), and sends what the
/// endpoint's constructor prepares with its input rules, a body (<see cref="SendBody{TBody}"/>, serialised once
/// here) or a query (<see cref="SendQuery"/>). The endpoint adds only what is its own: its wire types, how to read
/// its result, and a failure only it knows.
/// </summary>
/// <typeparam name="TRequest">What the caller fills in.</typeparam>
/// <typeparam name="TResult">What a success is read into.</typeparam>
public abstract class JsonOperation<TRequest, TResult> : MayarOperation<TResult>
    where TRequest : class
    where TResult : class
{
    private byte[]? _body;
    private string? _path;
    private string? _query;

    private protected JsonOperation(MayarEndpoint endpoint, TRequest? request)
    {
        Endpoint = endpoint;
        Request = Given(request, nameof(request));
    }

    /// <inheritdoc />
    public sealed override MayarEndpoint Endpoint { get; }

    /// <summary>The request as the caller gave it (before the input rules).</summary>
    private protected TRequest Request { get; }

    internal sealed override string Path => _path ?? Route;

    internal sealed override string? Query => _query;

    internal sealed override byte[]? Body => _body;

    /// <summary>Sends <paramref name="body"/> (already through the input rules) and returns it, to read the reply against.</summary>
    private protected TBody SendBody<TBody>(TBody body, JsonTypeInfo<TBody> wireType)
    {
        _body = JsonSerializer.SerializeToUtf8Bytes(body, wireType);
        return body;
    }

    /// <summary>Sends the query's path segments and parameters (already through the input rules).</summary>
    private protected void SendQuery(MayarQuery query)
    {
        _path = query.Path;
        _query = query.Text;
    }
}
