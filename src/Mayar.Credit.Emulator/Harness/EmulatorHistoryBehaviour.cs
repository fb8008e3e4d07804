using System;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>
/// How the credit history misbehaves, for reconciliation tests: it shows writes late (<see cref="LagMs"/>), serves
/// one order whatever is asked (<see cref="Order"/>), ignores startDate/endDate (<see cref="IgnoreDates"/>), or
/// serves smaller pages than asked (<see cref="MaxLimit"/>). Replaced whole, never changed in place.
/// </summary>
public sealed class EmulatorHistoryBehaviour
{
    /// <summary>Entries younger than this (server clock) are not listed yet.</summary>
    public int LagMs { get; set; }

    /// <summary>"asked" (default): as sortOrder asks; "asc" or "desc": that order whatever is asked.</summary>
    public string Order { get; set; } = "asked";

    /// <summary>True: startDate and endDate are accepted and ignored.</summary>
    public bool IgnoreDates { get; set; }

    /// <summary>The largest page served (0: the endpoint's own maximum).</summary>
    public int MaxLimit { get; set; }

    /// <summary>Null when usable, else what is wrong.</summary>
    public string? Problem() =>
        LagMs < 0 ? "lagMs must not be negative"
        : MaxLimit < 0 ? "maxLimit must not be negative"
        : Order is not ("asked" or "asc" or "desc") ? "order must be asked, asc or desc"
        : null;

    public EmulatorHistoryBehaviour Clone() => new() { LagMs = LagMs, Order = Order, IgnoreDates = IgnoreDates, MaxLimit = MaxLimit };
}
