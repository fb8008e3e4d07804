namespace Mayar.Credit;

/// <summary>
/// Posted to the window a few times a second while progress is shown, so that the pipeline thread, waiting for a
/// paced or retried request, wakes to refresh the status ("next request in 2 s").
/// </summary>
internal sealed class ProgressTick
{
    public static readonly ProgressTick Instance = new();

    private ProgressTick()
    {
    }
}
