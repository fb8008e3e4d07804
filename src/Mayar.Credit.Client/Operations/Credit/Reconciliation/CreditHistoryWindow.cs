using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Every entry of one type in one account's credit history at or after a server time, read page by page to the end
/// (whatever order the server uses; sorted here). A page cap reached before the end leaves the read incomplete, which
/// a reconciliation must treat as "cannot tell", never as "not there".
/// </summary>
internal sealed class CreditHistoryWindow
{
    /// <summary>The most pages read for one reconciliation (50 entries a page).</summary>
    public const int MaxPages = 40;

    private CreditHistoryWindow(IReadOnlyList<CreditHistoryEntry> entries, bool complete)
    {
        Entries = entries;
        Complete = complete;
    }

    /// <summary>The entries read, oldest first (entries without a time last).</summary>
    public IReadOnlyList<CreditHistoryEntry> Entries { get; }

    /// <summary>False when the page cap was reached before the last page.</summary>
    public bool Complete { get; }

    public static async Task<CreditHistoryWindow> ReadAsync(MayarTransport transport, ICreditMovement movement, DateTimeOffset since, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var query = new GetCreditHistoryRequest
        {
            CustomerId = movement.CustomerId,
            ProductId = movement.ProductId,
            MembershipTierId = movement.MembershipTierId,
            Type = movement.HistoryType,
            Since = since,
        };
        var entries = new List<CreditHistoryEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        MayarOperation<MayarPage<CreditHistoryEntry>>? next = new GetCreditHistoryPageOperation(query, GetCreditHistoryPageOperation.MaxPageSize);
        var pages = 0;
        var newestFirstSoFar = true;
        DateTimeOffset? previous = null;
        while (next is not null)
        {
            if (pages == MaxPages)
            {
                return new CreditHistoryWindow(Sorted(entries), complete: false);
            }

            var payload = await transport.SendAsync(next, trace, cancellationToken).ConfigureAwait(false);
            var page = (MayarPage<CreditHistoryEntry>)next.ReadResult(payload);
            pages++;
            var anyInWindow = false;
            foreach (var entry in page.Items)
            {
                if (entry.CreatedAt is DateTimeOffset at)
                {
                    newestFirstSoFar &= previous is null || at <= previous;
                    previous = at;
                }

                // An entry written while the pages are read shifts the rest: one already read can come again.
                if (entry.Id is not null && !seen.Add(entry.Id))
                {
                    continue;
                }

                // The API filters by startDate; the check is repeated in case a server ignores it.
                if (entry.CreatedAt is null || entry.CreatedAt >= since)
                {
                    entries.Add(entry);
                    anyInWindow = true;
                }
            }

            // A server that ignores startDate but serves newest first: past the window, nothing older can count.
            if (!anyInWindow && newestFirstSoFar && page.Items.Count > 0)
            {
                break;
            }

            next = page.Next;
        }

        return new CreditHistoryWindow(Sorted(entries), complete: true);
    }

    private static List<CreditHistoryEntry> Sorted(List<CreditHistoryEntry> entries) =>
        entries.OrderBy(e => e.CreatedAt is null ? 1 : 0).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
}
