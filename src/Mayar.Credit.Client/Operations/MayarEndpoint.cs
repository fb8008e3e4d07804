using System;
using System.Net.Http;

namespace Mayar.Credit.Client;

/// <summary>
/// What an endpoint is, apart from its input and reading: the method and route, when the transport may retry it,
/// what a re-run answers, and whether a success carries data. An operation declares one, once, as a static field.
/// </summary>
public sealed class MayarEndpoint
{
    private MayarEndpoint(HttpMethod method, string route, MayarRetryRule retryRule, RepeatAnswer repeatAnswer, bool returnsData)
    {
        Method = method;
        Route = route ?? throw new ArgumentNullException(nameof(route));
        RetryRule = retryRule;
        RepeatAnswer = repeatAnswer;
        ReturnsData = returnsData;
    }

    /// <summary>GET or POST.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path, from <see cref="MayarRoutes"/>; a segment in braces is filled in by the operation.</summary>
    public string Route { get; }

    /// <summary>When the transport may send it again after a failure.</summary>
    public MayarRetryRule RetryRule { get; }

    /// <summary>What sending it again answers when the first send may have been processed.</summary>
    public RepeatAnswer RepeatAnswer { get; }

    /// <summary>False for a write whose success is only "success": its cmdlet writes a result only with -PassThru.</summary>
    public bool ReturnsData { get; }

    /// <summary>True for a read: never confirmed, retried on any passing failure.</summary>
    public bool IsRead => RetryRule == MayarRetryRule.AnyPassingFailure;

    /// <summary>A GET that changes nothing.</summary>
    public static MayarEndpoint Read(string route) =>
        new(HttpMethod.Get, route, MayarRetryRule.AnyPassingFailure, RepeatAnswer.Unchanged, returnsData: true);

    /// <summary>A POST that changes state; <paramref name="repeatAnswer"/> says what a second one answers.</summary>
    public static MayarEndpoint Write(string route, RepeatAnswer repeatAnswer, bool returnsData = true) =>
        new(HttpMethod.Post, route, MayarRetryRule.OnlyIfNotReceived, repeatAnswer, returnsData);
}
