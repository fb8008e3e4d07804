using System;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Which failures are retried, and the backoff arithmetic.</summary>
public sealed class RetryPolicyTests
{
    private static readonly MayarRetryPolicy Policy = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120));

    [Theory]
    [InlineData(MayarErrorKind.Transport, null)]
    [InlineData(MayarErrorKind.Timeout, null)]
    [InlineData(MayarErrorKind.Timeout, 408)]
    [InlineData(MayarErrorKind.RateLimited, 429)]
    [InlineData(MayarErrorKind.Server, 500)]
    [InlineData(MayarErrorKind.Server, 502)]
    [InlineData(MayarErrorKind.Server, 503)]
    [InlineData(MayarErrorKind.Server, 504)]
    public void Reads_are_retried_on_transient_failures(MayarErrorKind kind, int? status) =>
        Assert.True(MayarRetryPolicy.IsRetryable(MayarRetryRule.AnyPassingFailure, Failure(kind, status, "GET")));

    [Theory]
    [InlineData(MayarErrorKind.Validation, 400)]
    [InlineData(MayarErrorKind.Unauthorized, 401)]
    [InlineData(MayarErrorKind.Forbidden, 403)]
    [InlineData(MayarErrorKind.NotFound, 404)]
    [InlineData(MayarErrorKind.Conflict, 409)]
    [InlineData(MayarErrorKind.Server, 501)]
    [InlineData(MayarErrorKind.InvalidResponse, 200)]
    public void Reads_are_not_retried_on_answers_that_would_not_change(MayarErrorKind kind, int? status) =>
        Assert.False(MayarRetryPolicy.IsRetryable(MayarRetryRule.AnyPassingFailure, Failure(kind, status, "GET")));

    [Theory]
    [InlineData(MayarErrorKind.Transport, null)]
    [InlineData(MayarErrorKind.Timeout, null)]
    [InlineData(MayarErrorKind.Timeout, 408)]
    [InlineData(MayarErrorKind.Server, 500)]
    [InlineData(MayarErrorKind.Server, 502)]
    [InlineData(MayarErrorKind.Server, 503)]
    [InlineData(MayarErrorKind.Server, 504)]
    [InlineData(MayarErrorKind.InvalidResponse, 200)]
    [InlineData(MayarErrorKind.Conflict, 429)]
    public void Writes_are_not_retried_once_they_may_have_arrived(MayarErrorKind kind, int? status)
    {
        foreach (var answer in new[] { RepeatAnswer.Conflict, RepeatAnswer.NotFound, RepeatAnswer.Duplicate, RepeatAnswer.Unknown })
        {
            var failure = Failure(kind, status, "POST");
            failure.RepeatAnswer = answer;
            Assert.False(MayarRetryPolicy.IsRetryable(MayarRetryRule.OnlyIfNotReceived, failure));
            Assert.Equal(kind != MayarErrorKind.Conflict, failure.MayHaveBeenProcessed);
        }
    }

    [Fact]
    public void Writes_are_retried_when_rate_limited_or_never_connected()
    {
        const MayarRetryRule safety = MayarRetryRule.OnlyIfNotReceived;
        Assert.True(MayarRetryPolicy.IsRetryable(safety, Failure(MayarErrorKind.RateLimited, 429, "POST")));
        var refused = Failure(MayarErrorKind.Transport, null, "POST");
        refused.RequestNotSent = true;
        Assert.True(MayarRetryPolicy.IsRetryable(safety, refused));
        Assert.False(refused.MayHaveBeenProcessed);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(4, 8.0)]
    [InlineData(5, 16.0)]
    [InlineData(6, 30.0)]
    [InlineData(40, 30.0)]
    public void Backoff_doubles_up_to_the_cap_and_full_jitter_spans_zero_to_the_ceiling(int retry, double ceilingSeconds)
    {
        Assert.Equal(TimeSpan.Zero, Policy.DelayBefore(retry, null, 0.0));
        Assert.Equal(ceilingSeconds / 2, Policy.DelayBefore(retry, null, 0.5).TotalSeconds, 3);
        Assert.Equal(ceilingSeconds * 0.999, Policy.DelayBefore(retry, null, 0.999).TotalSeconds, 3);
    }

    [Fact]
    public void Retry_After_wins_over_backoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Policy.DelayBefore(1, TimeSpan.FromSeconds(7), 0.9));
        Assert.Equal(TimeSpan.Zero, Policy.DelayBefore(3, TimeSpan.FromSeconds(-5), 0.9));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Out_of_range_retries_are_refused_naming_the_parameter(int retries)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new MayarRetryPolicy(retries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120)));
        Assert.Equal("MaxRetries", error.ParamName);
    }

    [Fact]
    public void The_message_counts_the_attempts()
    {
        var failure = Failure(MayarErrorKind.Server, 503, "GET");
        failure.Attempts = 5;
        Assert.Contains("Gave up after 5 attempts.", failure.Message);
        Assert.Contains("Gave up after 5 attempts.", failure.ToString());
    }

    private static MayarApiException Failure(MayarErrorKind kind, int? status, string method) =>
        new(kind, status, status, null, null, method, "/credit/v1/credit/customer/balance");
}
