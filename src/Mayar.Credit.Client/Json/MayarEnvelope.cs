using System;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>
/// The one definition of Mayar's response envelope, used by the full reading (<see cref="MayarResponseReader"/>)
/// and by the fast success check (<see cref="PlainSuccessCheck"/>). A response failed when HTTP is non-2xx, or the
/// body's <c>statusCode</c> is 400 or more, or <c>messages</c>/<c>message</c> is "failed" (the live API sends errors
/// with HTTP 200). On success the fields of an object-valued <c>data</c> are merged over the root, because the
/// documents put the same fields in either place. Field names match in any case.
/// </summary>
internal static class MayarEnvelope
{
    /// <summary>The body's own status.</summary>
    public const string StatusCodeField = "statusCode";

    /// <summary>The examples' spelling of the message.</summary>
    public const string MessageField = "message";

    /// <summary>The field list's spelling of the message; preferred when both are present.</summary>
    public const string MessagesField = "messages";

    /// <summary>The wrapper of the payload (an object), or of validation items (an array) on failure.</summary>
    public const string DataField = "data";

    /// <summary>Every field the envelope gives a meaning to.</summary>
    public static readonly string[] Fields = { StatusCodeField, MessageField, MessagesField, DataField };

    /// <summary>True for a body status that reports a failure.</summary>
    public static bool IsErrorStatus(int? status) => status is >= 400;

    /// <summary>True for the message the live API sends, with HTTP 200, when a request failed.</summary>
    public static bool SaysFailed(string? message) => string.Equals(message?.Trim(), "failed", StringComparison.OrdinalIgnoreCase);

    /// <summary>A status written as text ("404"), or null.</summary>
    public static int? StatusFromText(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>True when <paramref name="name"/> is an envelope field in any case.</summary>
    public static bool IsField(string? name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(name, field, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kind of a failure: the operation's own reading first (only it knows, say, registration's "already
    /// registered" 400), then the mapping every endpoint shares.
    /// </summary>
    public static MayarErrorKind KindFor(int status, string? message, MayarOperation? operation)
    {
        if (operation?.ClassifyFailure(status, message) is MayarErrorKind specific)
        {
            return specific;
        }

        // The V2 create endpoints answer a repeated create with 429 "Duplicate request detected": the
        // first one took effect, so it is a conflict, and waiting and retrying would not help.
        if (status == 429 && message is not null && message.IndexOf("duplicate request", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return MayarErrorKind.Conflict;
        }

        // The credit service answers a key without access with 400 "API key does not have access" (docs/api/mayar-api.md §15).
        if (status == 400 && message is not null && message.IndexOf("does not have access", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return MayarErrorKind.Unauthorized;
        }

        return status switch
        {
            401 => MayarErrorKind.Unauthorized,
            403 => MayarErrorKind.Forbidden,
            404 => MayarErrorKind.NotFound,
            408 => MayarErrorKind.Timeout,
            409 => MayarErrorKind.Conflict,
            429 => MayarErrorKind.RateLimited,
            >= 500 => MayarErrorKind.Server,
            >= 400 => MayarErrorKind.Validation,
            _ => MayarErrorKind.InvalidResponse,
        };
    }
}
