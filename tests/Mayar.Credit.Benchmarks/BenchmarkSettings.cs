using System;

namespace Mayar.Credit.Benchmarks;

/// <summary>Sizes of each measurement: --quick keeps a whole run under a minute.</summary>
public sealed record BenchmarkSettings(
    bool Quick,
    int OverheadRounds,
    int OverheadRequestsPerRound,
    int ConcurrencyRequests,
    int LatencyMs,
    int RateLimitedRequests,
    int RateLimitPerMinute,
    int StreamItems,
    string? JsonPath)
{
    public static readonly int[] ConcurrencyLevels = { 1, 4, 16, 64 };

    /// <summary>Reads --quick and --json FILE; null after printing usage.</summary>
    public static BenchmarkSettings? Parse(string[] args)
    {
        var quick = false;
        string? json = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--json" when i + 1 < args.Length: json = args[++i]; break;
                default:
                    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Mayar.Credit.Benchmarks -- [--quick] [--json FILE]");
                    return null;
            }
        }

        return quick
            ? new BenchmarkSettings(true, OverheadRounds: 15, OverheadRequestsPerRound: 400, ConcurrencyRequests: 64, LatencyMs: 100, RateLimitedRequests: 150, RateLimitPerMinute: 600, StreamItems: 100_000, json)
            : new BenchmarkSettings(false, OverheadRounds: 25, OverheadRequestsPerRound: 2000, ConcurrencyRequests: 256, LatencyMs: 100, RateLimitedRequests: 600, RateLimitPerMinute: 600, StreamItems: 100_000, json);
    }
}
