using System.Text.Json.Serialization;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>
/// How the credit history misbehaves, for reconciliation tests: it shows writes late (<see cref="LagMs"/>), serves
/// one order whatever is asked (<see cref="Order"/>), ignores startDate/endDate (<see cref="IgnoreDates"/>), or
/// serves smaller pages than asked (<see cref="MaxLimit"/>). Immutable: <see cref="EmulatorHarness.History"/> is
/// replaced whole (<c>with</c> makes a changed copy). As JSON (PUT /_emulator/history) a missing field keeps its
/// default and an unknown one is refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EmulatorHistoryBehaviour
{
    private readonly string _order = "asked";

    /// <summary>Entries younger than this (server clock) at the time of the history request are not listed yet.</summary>
    public int LagMs { get; init; }

    /// <summary>"asked" (default): as sortOrder asks; "asc" or "desc": that order whatever is asked. Any case.</summary>
    public string Order
    {
        get => _order;
        init => _order = value?.ToLowerInvariant()!;
    }

    /// <summary>True: startDate and endDate are accepted and ignored (every entry is served).</summary>
    public bool IgnoreDates { get; init; }

    /// <summary>The largest page served, and the limit the counters name (0: the endpoint's own maximum, 100).</summary>
    public int MaxLimit { get; init; }

    /// <summary>Null when usable, else what is wrong.</summary>
    public string? Problem() =>
        LagMs < 0 ? "lagMs must not be negative"
        : MaxLimit < 0 ? "maxLimit must not be negative"
        : Order is not ("asked" or "asc" or "desc") ? "order must be asked, asc or desc"
        : null;
}
