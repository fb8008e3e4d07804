namespace Mayar.Credit.Client;

/// <summary>What reading a journal file found: its rows, how much of it to keep, and a torn last line, if any.</summary>
internal sealed class CreditJournalContent
{
    public CreditJournalContent(CreditJournalRows rows, bool isNew, long keepLength, bool endsWithNewline, string? tornLine)
    {
        Rows = rows;
        IsNew = isNew;
        KeepLength = keepLength;
        EndsWithNewline = endsWithNewline;
        TornLine = tornLine;
    }

    public CreditJournalRows Rows { get; }

    /// <summary>True when the file is empty (or holds only a header cut short): it is started afresh with a header.</summary>
    public bool IsNew { get; }

    /// <summary>The length to keep: all of the file but a torn last line.</summary>
    public long KeepLength { get; }

    /// <summary>False when the kept part's last line has no newline (a whole line whose newline was not written).</summary>
    public bool EndsWithNewline { get; }

    /// <summary>The torn last line that is dropped, or null.</summary>
    public string? TornLine { get; }
}
