using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>
/// Every key's row, in first-seen order, and the rules an event must keep, the same for the lines read back and
/// for those being written: a key keeps its details; it is sent again only after NotApplied; an outcome follows a send.
/// Not thread-safe: <see cref="CreditJournal"/> holds its lock around every call.
/// </summary>
internal sealed class CreditJournalRows
{
    private readonly Dictionary<string, CreditJournalRow> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public CreditJournalRow? Find(string key) => _rows.TryGetValue(key, out var row) ? row : null;

    public CreditJournalRow[] Snapshot()
    {
        var rows = new CreditJournalRow[_order.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = _rows[_order[i]];
        }

        return rows;
    }

    /// <summary>"key 'INV-7': Amount is 150 now but 100 in the journal", or null when the key is new or its details are the same.</summary>
    public string? ChangedDetail(CreditJournalSend send)
    {
        if (Find(send.Key) is not { } row)
        {
            return null;
        }

        var old = row.Send;
        return Changed(send.Key, "Kind", old.Kind, send.Kind, StringComparison.Ordinal)
            ?? Changed(send.Key, "CustomerId", old.CustomerId, send.CustomerId, StringComparison.OrdinalIgnoreCase)
            ?? Changed(send.Key, "ProductId", old.ProductId, send.ProductId, StringComparison.OrdinalIgnoreCase)
            ?? Changed(send.Key, "MembershipTierId", old.MembershipTierId, send.MembershipTierId, StringComparison.OrdinalIgnoreCase)
            ?? Changed(send.Key, "MemberId", old.MemberId, send.MemberId, StringComparison.Ordinal)
            ?? (old.Amount == send.Amount ? null : Describe(send.Key, "Amount", Number(old.Amount), Number(send.Amount)));
    }

    /// <summary>Why <paramref name="send"/> may not be added (its details changed, or its key was sent and is not NotApplied), or null.</summary>
    public string? RefusalOfSend(CreditJournalSend send)
    {
        if (ChangedDetail(send) is { } changed)
        {
            return "the input changed since the journal was written: " + changed;
        }

        return Find(send.Key) is { Status: not CreditJournalStatus.NotApplied } row
            ? $"key '{send.Key}' was already sent and is {row.Status}; a key is sent again only after it was NotApplied"
            : null;
    }

    /// <summary>Why an outcome for <paramref name="key"/> may not be added (the key was never sent), or null.</summary>
    public string? RefusalOfOutcome(string key) => Find(key) is null ? $"there is an outcome for key '{key}', which was never sent" : null;

    /// <summary>Adds a send or an outcome that its refusal check let through.</summary>
    public void Add(CreditJournalEvent journalEvent)
    {
        if (journalEvent.Send is { } send)
        {
            if (!_rows.ContainsKey(send.Key))
            {
                _order.Add(send.Key);
            }

            _rows[send.Key] = new CreditJournalRow(send, null);
        }
        else
        {
            _rows[journalEvent.Key] = new CreditJournalRow(_rows[journalEvent.Key].Send, journalEvent.Outcome);
        }
    }

    private static string? Changed(string key, string field, string? old, string? now, StringComparison comparison) =>
        string.Equals(old ?? "", now ?? "", comparison) ? null : Describe(key, field, Quote(old), Quote(now));

    private static string Describe(string key, string field, string old, string now) => $"key '{key}' has {field} {now} now but {old} in the journal";

    private static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(none)" : "'" + value + "'";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
