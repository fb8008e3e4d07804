using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Client.Tests;

internal sealed class RecordingTrace : IMayarTraceListener
{
    private readonly ConcurrentQueue<MayarRequestRecord> _records = new();

    private readonly ConcurrentQueue<MayarWaitRecord> _waits = new();

    private readonly ConcurrentQueue<MayarReconcileRecord> _reconciliations = new();

    public IReadOnlyList<MayarRequestRecord> Records => _records.ToList();

    public IReadOnlyList<MayarWaitRecord> Waits => _waits.ToList();

    public IReadOnlyList<MayarReconcileRecord> Reconciliations => _reconciliations.ToList();

    /// <summary>Every text the client produced, as -Verbose and -Debug would show them.</summary>
    public IEnumerable<string> Lines => Records.Select(r => r.ToString()).Concat(Records.Select(r => r.ToDebugString())).Concat(Waits.Select(w => w.ToString())).Concat(Reconciliations.Select(r => r.ToString()));

    public void OnRequestCompleted(MayarRequestRecord record) => _records.Enqueue(record);

    public void OnWaiting(MayarWaitRecord record) => _waits.Enqueue(record);

    public void OnReconciled(MayarReconcileRecord record) => _reconciliations.Enqueue(record);
}
