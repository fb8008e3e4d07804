using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// Reads a journal file's bytes: the header (format, version, identity), then every event through the rules of
/// <see cref="CreditJournalRows"/>. The last line may be torn (a crash mid-write): when it is not valid JSON it is
/// left out. Any other bad line refuses the journal, naming the line.
/// </summary>
internal static class CreditJournalReader
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    public static CreditJournalContent Read(byte[] content, string path, CreditJournalIdentity identity)
    {
        var start = StartsWith(content, 0, Bom) ? Bom.Length : 0;
        if (IsEmptyOrTornHeader(content, start))
        {
            return new CreditJournalContent(new CreditJournalRows(), isNew: true, keepLength: 0, endsWithNewline: true, tornLine: null);
        }

        var lines = Lines(content, start);
        var last = lines.FindLastIndex(line => !line.IsBlank(content));
        var rows = new CreditJournalRows();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0 && line.IsBlank(content))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(new ReadOnlyMemory<byte>(content, line.Start, line.Length));
            }
            catch (JsonException) when (i == last && i > 0)
            {
                return new CreditJournalContent(rows, isNew: false, keepLength: line.Start, endsWithNewline: true, tornLine: line.Text(content));
            }
            catch (JsonException error)
            {
                throw Unreadable(path, line.Number, i == 0 ? "it is not a Mayar.Credit journal (the first line is not JSON)" : "it is not valid JSON (" + error.Message + ")", error);
            }

            using (document)
            {
                try
                {
                    if (i == 0)
                    {
                        CheckIdentity(CreditJournalLineReader.Header(document.RootElement), identity, path);
                    }
                    else
                    {
                        var journalEvent = CreditJournalLineReader.Event(document.RootElement);
                        var refusal = journalEvent.Send is { } send ? rows.RefusalOfSend(send) : rows.RefusalOfOutcome(journalEvent.Key);
                        if (refusal is not null)
                        {
                            throw new FormatException(refusal);
                        }

                        rows.Add(journalEvent);
                    }
                }
                catch (FormatException error)
                {
                    throw Unreadable(path, line.Number, error.Message, error);
                }
            }
        }

        return new CreditJournalContent(rows, isNew: false, keepLength: content.Length, endsWithNewline: content[content.Length - 1] == (byte)'\n', tornLine: null);
    }

    private static CreditJournalException Unreadable(string path, int lineNumber, string problem, Exception inner) =>
        new($"cannot read the journal '{path}': line {lineNumber}: {problem}. Nothing was sent; repair or move the file, or use another -JournalPath.", inner, path);

    private static void CheckIdentity(CreditJournalIdentity written, CreditJournalIdentity now, string path)
    {
        var same = string.Equals(written.Environment, now.Environment, StringComparison.OrdinalIgnoreCase)
            && string.Equals(written.BaseUri.TrimEnd('/'), now.BaseUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        if (!same)
        {
            throw new CreditJournalException(
                $"the journal '{path}' was written for {written}, not for {now} (this connection). Nothing was sent; connect to {written} to re-run its batch, or use another -JournalPath.",
                null,
                path);
        }
    }

    /// <summary>
    /// True for a file with nothing in it (or only whitespace or NUL bytes), or only the start of a header and no
    /// newline: a crash while the journal was created, before anything could be sent.
    /// </summary>
    private static bool IsEmptyOrTornHeader(byte[] content, int start)
    {
        var text = Encoding.UTF8.GetString(content, start, content.Length - start).TrimEnd('\0', ' ', '\t', '\r', '\n');
        var headerStart = "{\"format\":\"" + CreditJournalFormat.Name + "\",";
        return text.Length == 0
            || (text.IndexOf('\n') < 0 && (headerStart.StartsWith(text, StringComparison.Ordinal) || (text.StartsWith(headerStart, StringComparison.Ordinal) && !IsJson(text))));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<JournalLine> Lines(byte[] content, int start)
    {
        var lines = new List<JournalLine>();
        var number = 1;
        while (start < content.Length)
        {
            var newline = Array.IndexOf(content, (byte)'\n', start);
            var end = newline < 0 ? content.Length : newline;
            var textEnd = end > start && content[end - 1] == (byte)'\r' ? end - 1 : end;
            lines.Add(new JournalLine(number++, start, textEnd - start));
            start = end + 1;
        }

        return lines;
    }

    private static bool StartsWith(byte[] content, int offset, byte[] prefix)
    {
        if (content.Length - offset < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (content[offset + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct JournalLine
    {
        public JournalLine(int number, int start, int length)
        {
            Number = number;
            Start = start;
            Length = length;
        }

        public int Number { get; }

        public int Start { get; }

        public int Length { get; }

        public string Text(byte[] content) => Encoding.UTF8.GetString(content, Start, Length);

        public bool IsBlank(byte[] content)
        {
            for (var i = Start; i < Start + Length; i++)
            {
                if (content[i] != (byte)' ' && content[i] != (byte)'\t')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
