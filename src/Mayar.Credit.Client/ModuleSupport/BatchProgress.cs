using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Mayar.Credit.Client;

/// <summary>
/// What a command's progress says while it runs: rows done and failed (or pages and entries read), the rate, and on
/// a paced connection when the next request may leave ("12 done · 1 failed · 20.1/min · next request in 2 s"). A
/// command cannot know how many rows are still coming, so there is no percentage and no estimate of the end.
/// Updates are rate-limited (<see cref="MinInterval"/>) so that progress costs nothing a batch would notice. The
/// counts are thread-safe; the rest is used from the one thread that writes the progress (the pipeline thread).
/// </summary>
public sealed class BatchProgress
{
    /// <summary>The least time between two updates (a few per second).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A server's wait longer than this is told to the user (a warning and the status).</summary>
    public static readonly TimeSpan LongServerWait = TimeSpan.FromSeconds(5);

    // Waits shorter than this read as "now": showing "next request in 0 s" would only flicker.
    private static readonly TimeSpan ShortestWaitShown = TimeSpan.FromSeconds(0.5);

    private readonly MayarRateLimiter _pace;
    private readonly bool _readsPages;
    private readonly Func<TimeSpan> _elapsed;
    private int _done;
    private int _failed;
    private int _pages;
    private long _entries;
    private TimeSpan? _lastUpdate;
    private TimeSpan _serverWaitEnds;
    private TimeSpan _warnedUntil;
    private TimeSpan? _firstRequest;

    /// <summary>Creates the progress of one command on a connection paced by <paramref name="pace"/>.</summary>
    /// <param name="pace">The connection's rate limiter: when the next request may leave, and a 429's pause.</param>
    /// <param name="readsPages">True for a command that reads pages (it counts pages and entries, not rows).</param>
    public BatchProgress(MayarRateLimiter pace, bool readsPages)
        : this(pace, readsPages, Stopwatch.StartNew())
    {
    }

    private BatchProgress(MayarRateLimiter pace, bool readsPages, Stopwatch clock)
        : this(pace, readsPages, () => clock.Elapsed)
    {
    }

    // A test gives its own clock.
    internal BatchProgress(MayarRateLimiter pace, bool readsPages, Func<TimeSpan> elapsed)
    {
        _pace = pace;
        _readsPages = readsPages;
        _elapsed = elapsed;
    }

    /// <summary>Rows whose outcome was a result.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Rows (or pages) whose outcome was an error.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>What is being worked on now, e.g. "a@example.com (row 13)"; null for nothing in particular.</summary>
    public string? CurrentOperation { get; private set; }

    /// <summary>A row's request is starting: it becomes the current operation, and the rate counts from the first.</summary>
    public void RowStarting(string label)
    {
        CurrentOperation = label;
        _firstRequest ??= _elapsed();
    }

    /// <summary>A row ended: with a result, or failed.</summary>
    public void RowFinished(bool failed) => Interlocked.Increment(ref failed ? ref _failed : ref _done);

    /// <summary>A page of <paramref name="entries"/> entries was read.</summary>
    public void PageRead(int entries)
    {
        Interlocked.Increment(ref _pages);
        Interlocked.Add(ref _entries, entries);
    }

    /// <summary>
    /// The server asked for a wait of <paramref name="delay"/> (a Retry-After) starting now. Returns true when the
    /// wait is long (over <see cref="LongServerWait"/>) and no other long wait was still running: the one time to
    /// tell the user.
    /// </summary>
    public bool ServerWait(TimeSpan delay)
    {
        var now = _elapsed();
        if (now + delay > _serverWaitEnds)
        {
            _serverWaitEnds = now + delay;
        }

        if (delay <= LongServerWait || now < _warnedUntil)
        {
            return false;
        }

        _warnedUntil = now + delay;
        return true;
    }

    /// <summary>
    /// True when an update is due: <see cref="MinInterval"/> after the command started, then as long after the last;
    /// marks it made. A command that ends sooner writes no progress at all: a single read or a quick batch neither
    /// flashes a bar nor pays for one (PowerShell compiles its progress code on the first record, about 20 ms).
    /// <paramref name="force"/> (a server's wait, told at once) makes it due now, and marks it made like any other.
    /// </summary>
    public bool TakeUpdate(bool force = false)
    {
        var now = _elapsed();
        if (!force && now - (_lastUpdate ?? TimeSpan.Zero) < MinInterval)
        {
            return false;
        }

        _lastUpdate = now;
        return true;
    }

    /// <summary>Whether any update was made (so the progress must be completed).</summary>
    public bool Started => _lastUpdate is not null;

    /// <summary>
    /// "12 done · 1 failed · 20.1/min · next request in 2 s", or "3 pages · 250 entries · …" for a list; the
    /// <paramref name="final"/> status (the Completed record) says nothing of a next request.
    /// </summary>
    public string Status(bool final = false)
    {
        var text = new StringBuilder();
        var elapsed = _elapsed();
        if (_readsPages)
        {
            var pages = Volatile.Read(ref _pages);
            var entries = Interlocked.Read(ref _entries);
            text.Append(pages.ToString(CultureInfo.InvariantCulture)).Append(pages == 1 ? " page" : " pages")
                .Append(" · ").Append(entries.ToString(CultureInfo.InvariantCulture)).Append(entries == 1 ? " entry" : " entries");
            if (Failed > 0)
            {
                text.Append(" · ").Append(Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed");
            }
        }
        else
        {
            text.Append(Done.ToString(CultureInfo.InvariantCulture)).Append(" done · ")
                .Append(Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed");
            // From the first request: the time before it (connecting, the first input arriving) is not the batch's pace.
            var finished = Done + Failed;
            var running = elapsed - (_firstRequest ?? TimeSpan.Zero);
            if (finished > 0 && running >= TimeSpan.FromSeconds(1))
            {
                text.Append(" · ").Append(Rate(finished, running));
            }
        }

        if (final)
        {
            return text.ToString();
        }

        var serverWait = Max(_serverWaitEnds - elapsed, _pace.UntilPauseEnds);
        var nextTurn = Max(serverWait, _pace.UntilNextTurn);
        if (nextTurn >= ShortestWaitShown)
        {
            text.Append(" · next request in ").Append(Seconds(nextTurn));
            if (serverWait >= ShortestWaitShown)
            {
                text.Append(" (the server asked to wait)");
            }
        }

        return text.ToString();
    }

    // Rows per minute while the pace is a few a second or less (the API's 20 a minute), else per second.
    private static string Rate(int finished, TimeSpan elapsed)
    {
        var perMinute = finished / elapsed.TotalMinutes;
        return perMinute < 120
            ? perMinute.ToString("0.0", CultureInfo.InvariantCulture) + "/min"
            : (perMinute / 60).ToString("0", CultureInfo.InvariantCulture) + "/s";
    }

    private static string Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + " s";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
