using System.Collections.Generic;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;

namespace Mayar.Credit.Emulator;

/// <summary>
/// The emulator's two halves: <see cref="Store"/>, the fake Mayar domain (products, accounts, customer records, the
/// credit ledger), and <see cref="Harness"/>, what tests steer and watch (request log, faults, variants, latency,
/// rate limit). The few members below them forward to one half, for the benchmark program and the admin endpoints.
/// </summary>
public sealed class EmulatorState
{
    private readonly EmulatorOptions _options;

    public EmulatorState(EmulatorOptions options)
    {
        _options = options;
        Store = new CreditStore(options);
        Harness = new EmulatorHarness(options);
        Clock.Offset = options.ClockOffset;
    }

    /// <summary>The server's clock (real time plus an offset tests may set).</summary>
    public EmulatorClock Clock => Store.Ledger.Clock;

    public CreditStore Store { get; }

    public EmulatorHarness Harness { get; }

    /// <summary>The bearer key every API request must carry.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The credit product created at start.</summary>
    public string ProductId => _options.ProductId;

    public EmulatorRateLimit RateLimit => Harness.RateLimit;

    public int RegistrationCount => Store.RegistrationCount;

    /// <summary>Back to the start-up state: the start-up domain, no log, and the start-up variants, faults, latency and rate limit.</summary>
    public void Reset()
    {
        Store.Reset();
        Harness.Reset();
        Clock.Offset = _options.ClockOffset;
    }

    public void SetLatency(int minMs, int maxMs) => Harness.SetLatency(minMs, maxMs);

    public IReadOnlyList<RequestLogEntry> RequestLog() => Harness.Log.Entries();
}
