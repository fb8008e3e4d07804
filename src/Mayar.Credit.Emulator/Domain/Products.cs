using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>A credit-usage product (a payment link) the key's owner has.</summary>
public sealed record CreditProduct(string Id, string Name);

/// <summary>A membership (credit) product the key's owner has, with its tiers.</summary>
public sealed record MembershipProduct(string Id, string Name, IReadOnlyList<MembershipTier> Tiers)
{
    /// <summary>The tier of that id (any case); null when the product has none.</summary>
    public MembershipTier? Tier(string tierId) =>
        Tiers.FirstOrDefault(t => string.Equals(t.Id, tierId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A membership tier (docs/api/mayar-api.md §12): its name, its payment periods, the trial credit a new member gets (null:
/// none), and when it was made (the tier list's cursor is that time in milliseconds, so no two tiers share one).
/// </summary>
public sealed record MembershipTier(string Id, string Name, IReadOnlyList<TierPeriod> Periods, decimal? TrialCredit, DateTimeOffset CreatedAt);

/// <summary>
/// One payment period of a tier, as the CLI's tiers/create sends it (docs/api/mayar-api.md §12): how many months, the price
/// (IDR) and the credit each period brings.
/// </summary>
public sealed record TierPeriod(int MonthPeriod, decimal Amount, decimal Credit);
