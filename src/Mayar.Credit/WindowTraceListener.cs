using Mayar.Credit.Client;

namespace Mayar.Credit;

// Verbose gets one line per request and per wait (a wait the server asked for also goes to the progress); with -Debug each request is also written with its bodies.
// With -Debug alone the verbose lines go to the debug stream (see CommandTrace.VerboseGoesToDebug), and a
// request's verbose line is left out there because its debug text starts with the same line.
internal sealed class WindowTraceListener : IMayarTraceListener
{
    private readonly OrderedWindow<PendingRow, object?> _window;
    private readonly bool _debug;
    private readonly bool _verboseAsDebug;

    public WindowTraceListener(OrderedWindow<PendingRow, object?> window, bool debug, bool verboseAsDebug)
    {
        _window = window;
        _debug = debug;
        _verboseAsDebug = verboseAsDebug;
    }

    public void OnRequestCompleted(MayarRequestRecord record)
    {
        if (!_verboseAsDebug)
        {
            _window.Post(new TraceLine(record.ToString(), isDebug: false));
        }

        if (_debug)
        {
            _window.Post(new TraceLine(record.ToDebugString(), isDebug: true));
        }
    }

    public void OnWaiting(MayarWaitRecord record)
    {
        _window.Post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));
        if (record.IsServerRequested)
        {
            _window.Post(new ServerWait(record.Delay, record.ToString()));
        }
    }

    public void OnReconciled(MayarReconcileRecord record) => _window.Post(new TraceLine(record.ToString(), isDebug: _verboseAsDebug));
}
