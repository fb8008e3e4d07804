using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// N registrations under the emulator's strict sliding-window limit (the documented 20 per minute scaled up,
/// over a 10-second window so a quick run fills it more than once), from a connection paced to the same rate,
/// eight in flight. Ideal wall time is N divided by the rate.
/// </summary>
public static class RateLimitedBatchBenchmark
{
    public sealed record Result(int Requests, int PerMinute, double Seconds, double IdealSeconds, double Ratio, int Http429, int Failures, int Stored, int Duplicates);

    private const int WindowSeconds = 10;
    private const int ThrottleLimit = 8;

    public static Task<Result> RunAsync(EmulatorTarget target, BenchmarkSettings settings)
    {
        var state = target.State;
        state.Reset();
        var perWindow = settings.RateLimitPerMinute * WindowSeconds / 60;
        state.RateLimit.Set(perWindow, WindowSeconds);
        var client = target.Client(settings.RateLimitPerMinute);
        var storedBefore = state.RegistrationCount;
        var run = Guid.NewGuid().ToString("N").Substring(0, 8);

        var stopwatch = Stopwatch.StartNew();
        var failures = EmulatorTarget.RunWindowed(settings.RateLimitedRequests, ThrottleLimit, i => client.RegisterCreditCustomerAsync(new RegisterCreditCustomerRequest
        {
            ProductId = EmulatorOptions.DefaultProductId,
            Name = $"Batch Member {i}",
            Email = $"member.{run}.{i}@example.com",
            Mobile = "081234567890",
            TrialCredit = 100,
        }));

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var processed = state.RequestLog().Where(e => e.Path == MayarRoutes.RegisterCreditCustomer && e.Processed).Select(e => e.Body).ToList();
        var ideal = settings.RateLimitedRequests * 60.0 / settings.RateLimitPerMinute;
        var result = new Result(
            settings.RateLimitedRequests,
            settings.RateLimitPerMinute,
            seconds,
            ideal,
            seconds / ideal,
            state.RateLimit.Refused,
            failures,
            state.RegistrationCount - storedBefore,
            processed.Count - processed.Distinct().Count());
        state.Reset();
        return Task.FromResult(result);
    }
}
