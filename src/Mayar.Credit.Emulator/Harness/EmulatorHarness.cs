using System;
using Mayar.Credit.Emulator.Domain;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>
/// What the tests steer and watch, apart from the fake domain: the request log, injected faults, the response
/// variants, added latency, the rate limit, the server clock's offset and the history's behaviour. Each part is thread-safe.
/// </summary>
public sealed class EmulatorHarness
{
    private readonly EmulatorOptions _options;
    private volatile EmulatorVariants _variants;
    private volatile LatencyRange _latency = new(0, 0);
    private volatile EmulatorHistoryBehaviour _history = new();

    public EmulatorHarness(EmulatorOptions options)
        : this(options, new EmulatorClock())
    {
    }

    /// <summary>A harness steering <paramref name="clock"/>, the server clock the store and the pipeline share.</summary>
    public EmulatorHarness(EmulatorOptions options, EmulatorClock clock)
    {
        _options = options;
        Clock = clock;
        _variants = options.Variants.Clone();
        Reset();
    }

    public RequestLog Log { get; } = new();

    public FaultBook Faults { get; } = new();

    /// <summary>The per-minute (per-window) request limit; off unless set.</summary>
    public EmulatorRateLimit RateLimit { get; } = new();

    /// <summary>The response shapes in force; replaced whole, never changed in place.</summary>
    public EmulatorVariants Variants
    {
        get => _variants;
        set => _variants = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The server's clock: real UTC plus <see cref="ClockOffset"/>.</summary>
    public EmulatorClock Clock { get; }

    /// <summary>
    /// Server time minus real time (zero by default): the ledger's times, the history's createdAt, what
    /// startDate/endDate are compared with, and every API answer's Date header.
    /// </summary>
    public TimeSpan ClockOffset
    {
        get => Clock.Offset;
        set => Clock.Offset = value;
    }

    /// <summary>How the credit history misbehaves (nothing by default); replaced whole.</summary>
    public EmulatorHistoryBehaviour History
    {
        get => _history;
        set => _history = value?.Problem() is string problem ? throw new ArgumentException(problem) : value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Latency added to every API request, in milliseconds (a random value in [Min, Max]).</summary>
    public (int MinMs, int MaxMs) Latency
    {
        get
        {
            var latency = _latency;
            return (latency.MinMs, latency.MaxMs);
        }
    }

    public void SetLatency(int minMs, int maxMs)
    {
        if (minMs < 0 || maxMs < minMs)
        {
            throw new ArgumentException("latency needs 0 <= minMs <= maxMs.");
        }

        _latency = new LatencyRange(minMs, maxMs);
    }

    /// <summary>Back to the start-up settings: no log, and the start-up variants, faults, latency, rate limit, clock offset and history behaviour.</summary>
    public void Reset()
    {
        Log.Clear();
        Faults.Reset(_options.Faults);
        Variants = _options.Variants.Clone();
        RateLimit.Set(_options.RateLimitPerWindow, _options.RateLimitWindowSeconds);
        _latency = new LatencyRange(_options.LatencyMinMs, _options.LatencyMaxMs);
        _history = _options.History;
        Clock.Offset = _options.ClockOffset;
    }

    // One object, so a reader never sees the minimum of one setting with the maximum of another.
    private sealed record LatencyRange(int MinMs, int MaxMs);
}
