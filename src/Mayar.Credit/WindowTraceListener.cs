using System;
using Mayar.Credit.Client;

namespace Mayar.Credit;

// Verbose gets one line per request and per wait (a wait the server asked for also goes to the progress); with -Debug each request is also written with its bodies.
// With -Debug alone the verbose lines go to the debug stream (see CommandTrace.VerboseGoesToDebug), and a
// request's verbose line is left out there because its debug text starts with the same line.
// The lines are posted to the cmdlet's window (or, for a lone request, a queue: ConnectionProbe), which writes
// them on the pipeline thread.
internal sealed class WindowTraceListener : IMayarTraceListener
{
    private readonly Action<TraceLine> _post;
    private readonly Action<ServerWait>? _postServerWait;
    private readonly bool _debug;
    private readonly bool _verboseAsDebug;

    public WindowTraceListener(OrderedWindow<PendingRow, object?> window, bool debug, bool verboseAsDebug)
        : this(window.Post, debug, verboseAsDebug, window.Post)
    {
    }

    public WindowTraceListener(Action<TraceLine> post, bool debug, bool verboseAsDebug, Action<ServerWait>? postServerWait = null)
    {
        _post = post;
        _postServerWait = postServerWait;
        _debug = debug;
        _verboseAsDebug = verboseAsDebug;
    }

    public void OnRequestCompleted(MayarRequestRecord record)
    {
        if (!_verboseAsDebug)
        {
            _post(new TraceLine(record.ToString(), isDebug: false));
        }

        if (_debug)
        {
            _post(new TraceLine(record.ToDebugString(), isDebug: true));
        }
    }

    public void OnWaiting(MayarWaitRecord record)
    {
        _post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));
        if (record.IsServerRequested)
        {
            _postServerWait?.Invoke(new ServerWait(record.Delay, record.ToString()));
        }
    }

    public void OnReconciled(MayarReconcileRecord record) => _post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));
}
