using System;

namespace Mayar.Credit;

/// <summary>A wait the server asked for (Retry-After), posted by running work for the pipeline thread to show.</summary>
internal sealed class ServerWait
{
    public ServerWait(TimeSpan delay, string description)
    {
        Delay = delay;
        Description = description;
    }

    public TimeSpan Delay { get; }

    /// <summary>The wait as traced: "Waiting 30.0 s before attempt 2 of POST …: 429, Retry-After 30 s".</summary>
    public string Description { get; }
}
