using System;

namespace Mayar.Credit.Client;

/// <summary>What a credit journal records, durably, before a top-up or spend is sent: the row's key and details.</summary>
public sealed class CreditJournalSend
{
    /// <summary>The row's key: the -Reference, or one the caller derives from the row.</summary>
    public string Key { get; set; } = "";

    /// <summary>"add" (a top-up) or "spend".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>The credit product's id.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>The membership tier's id, for a membership product.</summary>
    public string? MembershipTierId { get; set; }

    /// <summary>The member's id, for a membership product.</summary>
    public string? MemberId { get; set; }

    /// <summary>The amount of credit.</summary>
    public decimal Amount { get; set; }

    /// <summary>The send time in the server's clock (the best estimate).</summary>
    public DateTimeOffset SentAt { get; set; }

    /// <summary>How far <see cref="SentAt"/> may be off; null when the server clock's offset was not known at the send.</summary>
    public TimeSpan? ClockUncertainty { get; set; }

    /// <summary>A copy, so that the journal's rows do not change when the caller reuses the object it recorded.</summary>
    internal CreditJournalSend Copy() => (CreditJournalSend)MemberwiseClone();
}
