using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Client.Tests;

internal sealed class RecordingTrace : IMayarTraceListener
{
    private readonly ConcurrentQueue<MayarRequestRecord> _records = new();

    public IReadOnlyList<MayarRequestRecord> Records => _records.ToList();

    public void OnRequestCompleted(MayarRequestRecord record) => _records.Enqueue(record);
}
