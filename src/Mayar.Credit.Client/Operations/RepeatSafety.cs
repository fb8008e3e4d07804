namespace Mayar.Credit.Client;

/// <summary>
/// What sending an operation a second time does, which decides when it is retried and what an error advises.
/// </summary>
public enum RepeatSafety
{
    /// <summary>A read: sending it again changes nothing, so it is retried on any passing failure.</summary>
    Read,

    /// <summary>
    /// A write that the API answers with a conflict when it already took effect (registration, customer creation):
    /// re-running a batch is safe, because a row done before comes back as <c>Mayar.Conflict</c>.
    /// </summary>
    AnswersConflict,

    /// <summary>
    /// A write that takes effect every time it arrives (adding or spending credit): it is never sent again unless it
    /// certainly did not arrive, and re-running it by hand may apply it twice.
    /// </summary>
    NotRepeatable,
}
