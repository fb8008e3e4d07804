using System;

namespace Mayar.Credit.Client;

/// <summary>What the journal records of a movement before it is sent.</summary>
public static class CreditJournalRecords
{
    /// <summary>The send record of <paramref name="movement"/> as row <paramref name="key"/> (also what <see cref="CreditJournal.Check"/> compares).</summary>
    public static CreditJournalSend SendOf(ICreditMovement movement, string key, DateTimeOffset sentAt = default, TimeSpan? clockUncertainty = null)
    {
        if (movement is null)
        {
            throw new ArgumentNullException(nameof(movement));
        }

        return new CreditJournalSend
        {
            Key = key,
            Kind = movement.Kind,
            CustomerId = movement.CustomerId,
            ProductId = movement.ProductId,
            MembershipTierId = movement.MembershipTierId,
            MemberId = movement.MemberId,
            Amount = movement.Amount,
            SentAt = sentAt,
            ClockUncertainty = clockUncertainty,
        };
    }
}
