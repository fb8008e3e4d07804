namespace Mayar.Credit.Client;

/// <summary>
/// What sending a request again answers when the first send may have been processed: it decides whether a re-run is
/// harmless and what a failure advises.
/// </summary>
public enum RepeatAnswer
{
    /// <summary>A read: sending it again changes nothing.</summary>
    Unchanged,

    /// <summary>
    /// The API refuses a second one with a conflict (registration, customer creation): re-running a batch is safe,
    /// because a row done before comes back as <c>Mayar.Conflict</c>.
    /// </summary>
    Conflict,

    /// <summary>
    /// The API answers "not found" once the first one took effect, because what it changed is gone (an email change:
    /// the old address no longer names a customer), so a re-run shows <c>Mayar.NotFound</c> for a row done before.
    /// </summary>
    NotFound,

    /// <summary>The API applies it again (adding or spending credit, a checkout link): a re-run may do it twice.</summary>
    Duplicate,

    /// <summary>The documents do not say; taken as <see cref="Duplicate"/> for advice.</summary>
    Unknown,
}
