using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Client;

/// <summary>
/// Decides, from the entries of one account's credit history and this connection's claims, whether a movement whose
/// answer was lost was applied. Claims are resolved first, oldest first, each to the earliest unclaimed entries that
/// fit it; what is left in the movement's window is then matched. A top-up matches one entry of its amount. A spend
/// matches one set of usage entries made together (up to four parts: wallets, or lots within one) whose amounts add up to it,
/// and only when no other unclaimed usage entry is in its window (a concurrent spender's entries would make any
/// choice a guess).
/// </summary>
internal static class CreditMovementMatcher
{
    /// <summary>How far apart the entries of one spend (its wallets' parts) may be dated.</summary>
    public static readonly TimeSpan MadeTogether = TimeSpan.FromSeconds(2);

    // Subsets are enumerated only over this many unclaimed usage entries; more is a busy account: cannot tell.
    private const int MaxSpendCandidates = 12;
    private const int MaxSpendParts = 4;

    public static CreditMovementMatch Match(ICreditMovement movement, IReadOnlyList<CreditHistoryEntry> entries, IReadOnlyList<CreditMovementClaim> claims, DateTimeOffset from, DateTimeOffset to)
    {
        var ofType = entries.Where(e => string.Equals(e.Type ?? movement.HistoryType, movement.HistoryType, StringComparison.OrdinalIgnoreCase)).ToList();
        var unclaimed = Unclaimed(ofType, claims, movement.HistoryType);
        var window = unclaimed.Where(e => e.CreatedAt is null || (e.CreatedAt >= from && e.CreatedAt <= to)).ToList();
        return IsSpend(movement.HistoryType) ? MatchSpend(movement.Amount, window) : MatchTopUp(movement.Amount, window);
    }

    /// <summary>The entries no claim accounts for.</summary>
    public static List<CreditHistoryEntry> Unclaimed(IReadOnlyList<CreditHistoryEntry> entries, IReadOnlyList<CreditMovementClaim> claims, string historyType)
    {
        var claimedIds = new HashSet<string>(claims.SelectMany(c => c.EntryIds), StringComparer.Ordinal);
        var free = entries.Where(e => e.Id is null || !claimedIds.Contains(e.Id)).ToList();
        foreach (var claim in claims.Where(c => c.EntryIds.Count == 0 && string.Equals(c.HistoryType, historyType, StringComparison.OrdinalIgnoreCase)))
        {
            var inClaimWindow = free.Where(e => e.CreatedAt is DateTimeOffset at && at >= claim.From && at <= claim.To).ToList();
            foreach (var entry in Resolve(claim, inClaimWindow))
            {
                free.Remove(entry);
            }
        }

        return free;
    }

    // The earliest entries (the list is oldest first) that fit the claim; none when nothing fits.
    private static IEnumerable<CreditHistoryEntry> Resolve(CreditMovementClaim claim, List<CreditHistoryEntry> candidates)
    {
        if (!IsSpend(claim.HistoryType))
        {
            var single = candidates.FirstOrDefault(e => e.Amount == claim.Amount);
            return single is null ? Array.Empty<CreditHistoryEntry>() : new[] { single };
        }

        if (claim.Parts is { Count: > 0 } parts)
        {
            var taken = new List<CreditHistoryEntry>();
            foreach (var part in parts)
            {
                var entry = candidates.FirstOrDefault(e => !taken.Contains(e) && e.Amount == -part.Amount && SameWallet(e.WalletType, part.Wallet));
                if (entry is not null)
                {
                    taken.Add(entry);
                }
            }

            return taken;
        }

        return SpendSets(claim.Amount, candidates).FirstOrDefault() ?? (IEnumerable<CreditHistoryEntry>)Array.Empty<CreditHistoryEntry>();
    }

    private static CreditMovementMatch MatchTopUp(decimal amount, List<CreditHistoryEntry> window)
    {
        var candidates = window.Where(e => e.Amount == amount).ToList();
        return candidates.Count switch
        {
            0 => CreditMovementMatch.NotFound,
            1 => new CreditMovementMatch(CreditMatchOutcome.Found, candidates),
            _ => new CreditMovementMatch(CreditMatchOutcome.Ambiguous, candidates),
        };
    }

    private static CreditMovementMatch MatchSpend(decimal amount, List<CreditHistoryEntry> window)
    {
        var usage = window.Where(e => e.Amount < 0).ToList();
        if (usage.Count > MaxSpendCandidates)
        {
            return new CreditMovementMatch(CreditMatchOutcome.Ambiguous, usage);
        }

        var sets = SpendSets(amount, usage).Take(2).ToList();
        if (sets.Count == 0)
        {
            return CreditMovementMatch.NotFound;
        }

        // One set, and nothing else unclaimed beside it: that is this spend. Anything more could be another writer's.
        return sets.Count == 1 && sets[0].Count == usage.Count
            ? new CreditMovementMatch(CreditMatchOutcome.Found, sets[0])
            : new CreditMovementMatch(CreditMatchOutcome.Ambiguous, usage);
    }

    // Sets of usage entries made together whose amounts add up to the spend, smallest first, earliest first.
    private static IEnumerable<List<CreditHistoryEntry>> SpendSets(decimal amount, List<CreditHistoryEntry> usage)
    {
        for (var size = 1; size <= Math.Min(MaxSpendParts, usage.Count); size++)
        {
            foreach (var set in Combinations(usage, size, 0))
            {
                if (set.Sum(e => -e.Amount) == amount && Together(set))
                {
                    yield return set;
                }
            }
        }
    }

    private static IEnumerable<List<CreditHistoryEntry>> Combinations(List<CreditHistoryEntry> items, int size, int start)
    {
        if (size == 0)
        {
            yield return new List<CreditHistoryEntry>();
            yield break;
        }

        for (var i = start; i <= items.Count - size; i++)
        {
            foreach (var rest in Combinations(items, size - 1, i + 1))
            {
                rest.Insert(0, items[i]);
                yield return rest;
            }
        }
    }

    private static bool Together(List<CreditHistoryEntry> set)
    {
        if (set.Any(e => e.CreatedAt is null))
        {
            return set.All(e => e.CreatedAt is null);
        }

        var times = set.Select(e => e.CreatedAt!.Value).ToList();
        return times.Max() - times.Min() <= MadeTogether;
    }

    private static bool SameWallet(string? entryWallet, string wallet) =>
        string.Equals(entryWallet, wallet, StringComparison.OrdinalIgnoreCase)
        || (entryWallet is not null && IsMainWallet(entryWallet) && IsMainWallet(wallet));

    // A member's main wallet is MEMBERSHIP; a reply or a history may name it MAIN.
    private static bool IsMainWallet(string wallet) =>
        string.Equals(wallet, "MAIN", StringComparison.OrdinalIgnoreCase) || string.Equals(wallet, "MEMBERSHIP", StringComparison.OrdinalIgnoreCase);

    public static bool IsSpend(string historyType) => string.Equals(historyType, GetCreditHistoryRequest.CreditUsage, StringComparison.OrdinalIgnoreCase);
}
