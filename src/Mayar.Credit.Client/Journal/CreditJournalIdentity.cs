namespace Mayar.Credit.Client;

/// <summary>
/// What a credit journal is bound to, written in its first line: a journal written against another environment
/// or base URI is refused, so a re-run never reconciles a batch against the wrong account.
/// </summary>
public sealed class CreditJournalIdentity
{
    /// <summary>The environment's name ("Production", "Sandbox", "Custom"); compared without regard to case.</summary>
    public string Environment { get; set; } = "";

    /// <summary>The API's base URI; compared without regard to case or a trailing '/'.</summary>
    public string BaseUri { get; set; } = "";

    /// <summary>"Custom http://127.0.0.1:5080/": the environment and the base URI.</summary>
    public override string ToString() => Environment + " " + BaseUri;
}
