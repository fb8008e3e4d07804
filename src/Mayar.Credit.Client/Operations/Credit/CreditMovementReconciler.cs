using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Sends a credit movement so that it moves credit at most once. A send that certainly did not arrive is retried
/// by the transport as any write. A send that may have been processed (timeout, broken connection, 5xx, unreadable
/// answer) is checked in the customer's credit history: an entry of its type and amount made since just before the
/// first send means it was applied (reported as done, reconciled); no such entry means it was not, and it is sent
/// once more while the retry budget lasts; a history that cannot be read leaves the outcome unknown, and the error
/// says how to check. docs/reliability.md describes the limits (a concurrent equal movement).
/// </summary>
internal static class CreditMovementReconciler
{
    /// <summary>How long before the first send an entry may be dated and still count: the API's clock and ours differ.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    // Entries of one type for one customer since the send: a few pages cover even a busy account.
    private const int MaxHistoryPages = 4;

    public static async Task<object> SendAsync(MayarTransport transport, MayarOperation operation, ICreditMovement movement, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow - ClockSkew;
        for (var sends = 1; ; sends++)
        {
            MayarApiException failure;
            try
            {
                var payload = await transport.SendAsync(operation, trace, cancellationToken).ConfigureAwait(false);
                return operation.ReadResult(payload);
            }
            catch (MayarApiException ex) when (ex.MayHaveBeenProcessed)
            {
                failure = ex;
                failure.RepeatSafety = operation.RepeatSafety;
                failure.Attempts = sends;
            }

            IReadOnlyList<CreditHistoryEntry> entries;
            try
            {
                entries = await ReadHistoryAsync(transport, movement, since, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (MayarApiException unreadable)
            {
                failure.AddOutcomeNote(
                    $"The outcome is unknown: the customer's credit history could not be read to check ({unreadable.ErrorId}). "
                    + $"See whether it was applied with Get-MayarCreditHistory -CustomerId {movement.CustomerId} -ProductId {movement.ProductId} -Type {movement.HistoryType} -First 5 before sending it again.");
                throw failure;
            }

            var found = movement.FindIn(entries);
            trace?.OnReconciled(new MayarReconcileRecord(failure.Method, failure.Path, Describe(failure), movement.HistoryType, movement.Amount, found));
            if (found is DateTimeOffset at)
            {
                return movement.Reconciled(at);
            }

            // Not applied, so sending it again cannot move credit twice: once more while the retry budget lasts.
            if (sends > transport.RetryPolicy.MaxRetries)
            {
                failure.NotApplied = true;
                throw failure;
            }
        }
    }

    private static async Task<IReadOnlyList<CreditHistoryEntry>> ReadHistoryAsync(MayarTransport transport, ICreditMovement movement, DateTimeOffset since, IMayarTraceListener? trace, CancellationToken cancellationToken)
    {
        var query = new CreditHistoryQuery
        {
            CustomerId = movement.CustomerId,
            ProductId = movement.ProductId,
            MembershipTierId = movement.MembershipTierId,
            Type = movement.HistoryType,
            Since = since,
        };
        var entries = new List<CreditHistoryEntry>();
        MayarOperation<MayarPage<CreditHistoryEntry>>? next = new GetCreditHistoryPageOperation(query, GetCreditHistoryPageOperation.MaxPageSize);
        for (var page = 0; next is not null && page < MaxHistoryPages; page++)
        {
            var payload = await transport.SendAsync(next, trace, cancellationToken).ConfigureAwait(false);
            var read = (MayarPage<CreditHistoryEntry>)next.ReadResult(payload);
            foreach (var entry in read.Items)
            {
                // The API filters by startDate; the check is repeated in case a server ignores it.
                if (entry.CreatedAt is null || entry.CreatedAt >= since)
                {
                    entries.Add(entry);
                }
            }

            next = read.Next;
        }

        return entries;
    }

    private static string Describe(MayarApiException failure) => failure.Kind switch
    {
        MayarErrorKind.Timeout => "no answer in time",
        MayarErrorKind.Transport => "the connection broke",
        MayarErrorKind.InvalidResponse => "the answer could not be read",
        _ => "the API answered " + (failure.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "with an error"),
    };
}
