namespace Mayar.Credit.Client;

/// <summary>What kind of failure a <see cref="MayarApiException"/> is.</summary>
public enum MayarErrorKind
{
    /// <summary>400: the API refused the input.</summary>
    Validation,

    /// <summary>401: missing, wrong or other-environment key.</summary>
    Unauthorized,

    /// <summary>403: the key may not do this.</summary>
    Forbidden,

    /// <summary>404: the customer, product or route does not exist.</summary>
    NotFound,

    /// <summary>409, or the credit service's "already registered" 400.</summary>
    Conflict,

    /// <summary>429: rate limited.</summary>
    RateLimited,

    /// <summary>5xx.</summary>
    Server,

    /// <summary>The connection failed or broke.</summary>
    Transport,

    /// <summary>The request took longer than the timeout.</summary>
    Timeout,

    /// <summary>The body was not the documented JSON.</summary>
    InvalidResponse,

    /// <summary>A spend asked for more credit than the customer has (a 400 from the spend endpoint).</summary>
    InsufficientCredit,

    /// <summary>
    /// A credit movement was sent and its answer lost, and the credit history could not prove it applied or not
    /// (ambiguous entries, unreadable or capped history, stopped before the answer came): it is neither done nor
    /// safe to send again until someone looks.
    /// </summary>
    OutcomeUnknown,
}
