using System.Collections.Generic;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;

namespace Mayar.Credit.Emulator;

/// <summary>
/// The emulator's two halves: <see cref="Store"/>, the fake Mayar domain (products, accounts and members with the
/// credit ledger, V2 customers, customer records, checkouts), and <see cref="Harness"/>, what tests steer and watch
/// (request log, faults, variants, latency, rate limit). The few members below them forward to one half, for the
/// benchmark program and the admin endpoints.
/// </summary>
public sealed class EmulatorState
{
    private readonly EmulatorOptions _options;

    public EmulatorState(EmulatorOptions options)
    {
        _options = options;
        Clock = new EmulatorClock { Offset = options.ClockOffset };
        Harness = new EmulatorHarness(options, Clock);
        Store = new CreditStore(options, Clock);
    }

    /// <summary>
    /// The server's clock (real time plus an offset tests may set through <see cref="EmulatorHarness.ClockOffset"/>),
    /// shared by the store (ledger times) and the pipeline (Date headers).
    /// </summary>
    public EmulatorClock Clock { get; }

    public CreditStore Store { get; }

    public EmulatorHarness Harness { get; }

    /// <summary>The bearer key every API request must carry.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The credit product created at start.</summary>
    public string ProductId => _options.ProductId;

    public EmulatorRateLimit RateLimit => Harness.RateLimit;

    /// <summary>How many (customer, credit product) registrations there are, the sample's included (the benchmark program counts them).</summary>
    public int RegistrationCount => Store.Accounts.All().Count;

    /// <summary>Back to the start-up state: the start-up domain, no log, and the start-up variants, faults, latency, rate limit, clock offset and history behaviour.</summary>
    public void Reset()
    {
        // The harness first: it puts the clock back, and the start-up ledger entries are stamped by it.
        Harness.Reset();
        Store.Reset();
    }

    public void SetLatency(int minMs, int maxMs) => Harness.SetLatency(minMs, maxMs);

    public IReadOnlyList<RequestLogEntry> RequestLog() => Harness.Log.Entries();
}
