using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>
/// The documented limit (20 requests per minute per IP, then 429 with Retry-After), enforced strictly as a
/// sliding window: a request is admitted only when fewer than <see cref="PerWindow"/> requests were admitted
/// in the last <see cref="WindowSeconds"/>. Refused requests do not count. Thread-safe.
/// </summary>
public sealed class EmulatorRateLimit
{
    private readonly object _gate = new();
    private readonly Queue<long> _admitted = new();
    private int _perWindow;
    private int _windowSeconds = 60;

    /// <summary>Requests admitted per window; 0 turns the limit off.</summary>
    public int PerWindow
    {
        get { lock (_gate) { return _perWindow; } }
    }

    /// <summary>The window's length (60 for the documented per-minute limit).</summary>
    public int WindowSeconds
    {
        get { lock (_gate) { return _windowSeconds; } }
    }

    /// <summary>How many requests were refused since the limit was last set.</summary>
    public int Refused { get; private set; }

    public void Set(int perWindow, int windowSeconds)
    {
        if (perWindow < 0 || windowSeconds < 1)
        {
            throw new ArgumentException("perMinute must be 0 or more and windowSeconds 1 or more.");
        }

        lock (_gate)
        {
            _perWindow = perWindow;
            _windowSeconds = windowSeconds;
            _admitted.Clear();
            Refused = 0;
        }
    }

    /// <summary>Admits a request, or returns false with the whole seconds until one would be admitted.</summary>
    public bool TryAdmit(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        lock (_gate)
        {
            if (_perWindow == 0)
            {
                return true;
            }

            var now = Stopwatch.GetTimestamp();
            var window = _windowSeconds * Stopwatch.Frequency;
            while (_admitted.Count > 0 && now - _admitted.Peek() >= window)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count < _perWindow)
            {
                _admitted.Enqueue(now);
                return true;
            }

            var waitTicks = _admitted.Peek() + window - now;
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(waitTicks / (double)Stopwatch.Frequency));
            Refused++;
            return false;
        }
    }
}
