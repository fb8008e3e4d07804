using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// Per-request cost of <see cref="MayarClient.GetCreditBalanceAsync"/> against the least a caller could do: a
/// raw HttpClient GET of the same URL with the same headers, the body read and parsed with JsonDocument.
/// Requests alternate one by one; the ratio is the median across rounds of each round's median latencies.
/// </summary>
public static class OverheadBenchmark
{
    public sealed record Result(double RawMicroseconds, double ClientMicroseconds, double Ratio, int Rounds, int RequestsPerRound);

    public static async Task<Result> RunAsync(EmulatorTarget target, BenchmarkSettings settings)
    {
        var emulator = target.Emulator;
        var apiKey = target.ApiKey;
        var client = target.Client(requestsPerMinute: 0);
        var query = new GetCreditBalanceRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId };
        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var baseText = emulator.BaseUri.AbsoluteUri;

        // As a careful caller would write it: the URL built for the ids at hand, values escaped.
        async Task<decimal> RawOnce()
        {
            var url = new Uri($"{baseText}{MayarRoutes.CreditBalance.TrimStart('/')}?customerId={Uri.EscapeDataString(query.CustomerId!)}&productId={Uri.EscapeDataString(query.ProductId!)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            return (root.TryGetProperty("customerBalance", out var balance) ? balance : root.GetProperty("data").GetProperty("customerBalance")).GetDecimal();
        }

        async Task<decimal> ClientOnce() => (await client.GetCreditBalanceAsync(query)).Balance;

        // Warm up both paths (JIT, connection pool, tiered compilation).
        for (var i = 0; i < 500; i++)
        {
            await RawOnce();
            await ClientOnce();
        }

        // Requests alternate one by one, so both see the same machine load; each round gives the median
        // latency of each, and the figures are the medians across rounds.
        var rawMedians = new List<double>();
        var clientMedians = new List<double>();
        var ratios = new List<double>();
        var rawRound = new List<double>(settings.OverheadRequestsPerRound);
        var clientRound = new List<double>(settings.OverheadRequestsPerRound);
        var stopwatch = new Stopwatch();
        for (var round = 0; round < settings.OverheadRounds; round++)
        {
            emulator.State.Reset();
            rawRound.Clear();
            clientRound.Clear();
            for (var i = 0; i < settings.OverheadRequestsPerRound; i++)
            {
                stopwatch.Restart();
                await RawOnce();
                rawRound.Add(stopwatch.Elapsed.TotalMilliseconds * 1000);
                stopwatch.Restart();
                await ClientOnce();
                clientRound.Add(stopwatch.Elapsed.TotalMilliseconds * 1000);
            }

            rawMedians.Add(Median(rawRound));
            clientMedians.Add(Median(clientRound));
            ratios.Add(clientMedians[^1] / rawMedians[^1]);
        }

        return new Result(Median(rawMedians), Median(clientMedians), Median(ratios), settings.OverheadRounds, settings.OverheadRequestsPerRound);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
