using System.Management.Automation;
using System.Threading;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// One command's Write-Progress activity: its own -Id, the command's name as the activity, the status of
/// <see cref="BatchProgress"/>, at most a few updates a second, and Completed at the end. Only made when progress
/// is shown ($ProgressPreference, -ProgressAction), so a silenced command builds nothing. Pipeline thread only.
/// </summary>
internal sealed class MayarProgressWriter
{
    // Ids of their own, clear of the small ones scripts use for their own Write-Progress.
    private static int s_lastId = 0x4D00;

    private readonly Cmdlet _cmdlet;
    private readonly int _id;
    private readonly string _activity;

    public MayarProgressWriter(Cmdlet cmdlet, string activity, BatchProgress progress)
    {
        _cmdlet = cmdlet;
        Progress = progress;
        _id = Interlocked.Increment(ref s_lastId);
        _activity = activity;
    }

    public BatchProgress Progress { get; }

    /// <summary>Writes the current status when an update is due (or <paramref name="now"/>).</summary>
    public void Update(bool now = false)
    {
        // A forced update is marked made too, so the record it writes is always completed at the end.
        if (!Progress.TakeUpdate(force: now))
        {
            return;
        }

        _cmdlet.WriteProgress(Record(ProgressRecordType.Processing));
    }

    /// <summary>Ends the activity, when anything was written.</summary>
    public void Complete()
    {
        if (!Progress.Started)
        {
            return;
        }

        _cmdlet.WriteProgress(Record(ProgressRecordType.Completed));
    }

    // A new record each time: a host or a runspace's Streams.Progress keeps the records it is given.
    private ProgressRecord Record(ProgressRecordType type) => new(_id, _activity, Progress.Status(final: type == ProgressRecordType.Completed))
    {
        CurrentOperation = type == ProgressRecordType.Completed ? null : Progress.CurrentOperation,
        PercentComplete = -1,
        SecondsRemaining = -1,
        RecordType = type,
    };
}
