namespace Mayar.Credit.Client;

/// <summary>Stable ErrorIds, one per failure kind (conventions.md). Scripts match on these strings.</summary>
public static class MayarErrorIds
{
    /// <summary>Client-side validation.</summary>
    public const string InvalidArgument = "Mayar.InvalidArgument";

    /// <summary>No connection could be resolved.</summary>
    public const string NotConnected = "Mayar.NotConnected";

    /// <summary>A -JournalPath file that cannot be used; terminating, before anything is sent.</summary>
    public const string Journal = "Mayar.Journal";

    /// <summary>The ErrorId of an API failure kind.</summary>
    public static string For(MayarErrorKind kind) => kind switch
    {
        MayarErrorKind.Validation => "Mayar.Validation",
        MayarErrorKind.Unauthorized => "Mayar.Unauthorized",
        MayarErrorKind.Forbidden => "Mayar.Forbidden",
        MayarErrorKind.NotFound => "Mayar.NotFound",
        MayarErrorKind.Conflict => "Mayar.Conflict",
        MayarErrorKind.RateLimited => "Mayar.RateLimited",
        MayarErrorKind.Server => "Mayar.ServerError",
        MayarErrorKind.Transport => "Mayar.Transport",
        MayarErrorKind.Timeout => "Mayar.Timeout",
        MayarErrorKind.InsufficientCredit => "Mayar.InsufficientCredit",
        MayarErrorKind.OutcomeUnknown => "Mayar.OutcomeUnknown",
        _ => "Mayar.InvalidResponse",
    };
}
