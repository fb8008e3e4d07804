using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>Every API request the emulator saw, in arrival order, numbered from 1 since start-up. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RequestLogEntry> _entries = new();
    private long _sequence;

    /// <summary>Numbers and records an entry as its request arrives; the pipeline fills in the rest as it goes.</summary>
    public RequestLogEntry Begin(RequestLogEntry entry)
    {
        lock (_gate)
        {
            entry.Sequence = ++_sequence;
            _entries.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<RequestLogEntry> Entries()
    {
        lock (_gate)
        {
            return _entries.ToList();
        }
    }

    /// <summary>Forgets the entries; the numbering goes on.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
