namespace Mayar.Credit;

/// <summary>A -Verbose or -Debug line posted by running work, written on the pipeline thread.</summary>
internal sealed class TraceLine
{
    public TraceLine(string text, bool isDebug)
    {
        Text = text;
        IsDebug = isDebug;
    }

    public string Text { get; }

    public bool IsDebug { get; }
}
