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
    private readonly Dictionary<string, List<CreditMovementClaim>> _byAccount = new(StringComparer.Ordinal);

    /// <summary>Adds a claim unless one with its id is there already (a journal's row and this run's own send).</summary>
    public void Add(string account, CreditMovementClaim claim)
    {
        lock (_gate)
        {
            if (!_byAccount.TryGetValue(account, out var claims))
            {
                claims = new List<CreditMovementClaim>();
                _byAccount[account] = claims;
            }

            var oldest = claim.To - Retention;
            claims.RemoveAll(c => c.To < oldest);
            if (!claims.Any(c => c.Id == claim.Id))
            {
                claims.Add(claim);
            }
        }
    }

    /// <summary>The account's claims whose window reaches into [from, to], oldest first.</summary>
    public IReadOnlyList<CreditMovementClaim> Overlapping(string account, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return _byAccount.TryGetValue(account, out var claims)
                ? claims.Where(c => c.To >= from && c.From <= to).OrderBy(c => c.From).ToList()
                : new List<CreditMovementClaim>();
        }
    }
}
