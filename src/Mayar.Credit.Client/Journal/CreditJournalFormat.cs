using System;

namespace Mayar.Credit.Client;

/// <summary>The names a credit journal's lines use: the header's format and version, and the events.</summary>
internal static class CreditJournalFormat
{
    public const string Name = "Mayar.Credit.Journal";

    /// <summary>The newest version this code reads, and the one it writes.</summary>
    public const int Version = 1;

    public const string Sent = "sent";

    public static string EventName(CreditJournalStatus status) => status switch
    {
        CreditJournalStatus.Done => "done",
        CreditJournalStatus.NotApplied => "not-applied",
        CreditJournalStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "an outcome is Done, NotApplied or Unknown."),
    };

    public static CreditJournalStatus? OutcomeStatus(string eventName) => eventName switch
    {
        "done" => CreditJournalStatus.Done,
        "not-applied" => CreditJournalStatus.NotApplied,
        "unknown" => CreditJournalStatus.Unknown,
        _ => null,
    };
}
