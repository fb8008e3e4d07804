using System.Text.RegularExpressions;

namespace Mayar.Credit.HelpGenerator;

/// <summary>Markdown's inline link, [text](target), for the reader and the about-topic writer alike.</summary>
public static partial class MarkdownLink
{
    /// <summary>Group 1 is the text, group 2 the target.</summary>
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]*)\)")]
    public static partial Regex Pattern();

    /// <summary>Replaces each link with its text.</summary>
    public static string ToText(string markdown) => Pattern().Replace(markdown, "$1");
}
