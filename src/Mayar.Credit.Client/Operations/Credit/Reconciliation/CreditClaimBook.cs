using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Client;

/// <summary>
/// The claims of one connection, by account (customer, product, tier). Thread-safe. Claims older than
/// <see cref="Retention"/> are dropped: no reconciliation window reaches that far back.
/// </summary>
internal sealed class CreditClaimBook
{
    /// <summary>How long a claim is kept after its movement.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private readonly object _gate = new();
    private readonly Dictionary<string, AccountClaims> _byAccount = new(StringComparer.Ordinal);

    /// <summary>Adds a claim unless one with its id is there already (a journal's row and this run's own send).</summary>
    public void Add(string account, CreditMovementClaim claim)
    {
        lock (_gate)
        {
            if (!_byAccount.TryGetValue(account, out var claims))
            {
                claims = new AccountClaims();
                _byAccount[account] = claims;
            }

            // Claims arrive about in time order: the expired ones are at the front.
            var oldest = claim.To - Retention;
            while (claims.List.Count > 0 && claims.List[0].To < oldest)
            {
                claims.Ids.Remove(claims.List[0].Id);
                claims.List.RemoveAt(0);
            }

            if (claims.Ids.Add(claim.Id))
            {
                claims.List.Add(claim);
            }
        }
    }

    /// <summary>The account's claims whose window reaches into [from, to], oldest first.</summary>
    public IReadOnlyList<CreditMovementClaim> Overlapping(string account, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return _byAccount.TryGetValue(account, out var claims)
                ? claims.List.Where(c => c.To >= from && c.From <= to).OrderBy(c => c.From).ToList()
                : new List<CreditMovementClaim>();
        }
    }

    private sealed class AccountClaims
    {
        public List<CreditMovementClaim> List { get; } = new();

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    }
}
