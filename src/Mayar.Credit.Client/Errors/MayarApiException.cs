using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Client;

/// <summary>
/// The API (or the way to it) failed. Carries the kind, the status, the server's message and
/// validation items, and the method and path — never the API key or the query string.
/// </summary>
public sealed class MayarApiException : Exception
{
    /// <summary>Creates the exception. All text must already be redacted.</summary>
    public MayarApiException(
        MayarErrorKind kind,
        int? statusCode,
        int? httpStatusCode,
        string? serverMessage,
        IReadOnlyList<MayarValidationItem>? validationErrors,
        string method,
        string path,
        string? detail = null,
        Exception? innerException = null)
        : base(null, innerException) // Message is built on demand: it includes Attempts, known only after the retries.
    {
        _detail = detail;
        Kind = kind;
        StatusCode = statusCode;
        HttpStatusCode = httpStatusCode;
        ServerMessage = serverMessage;
        ValidationErrors = validationErrors ?? Array.Empty<MayarValidationItem>();
        Method = method;
        Path = path;
        RepeatAnswer = MayarRetryPolicy.IsIdempotent(method) ? RepeatAnswer.Unchanged : RepeatAnswer.Unknown;
    }

    private readonly string? _detail;
    private string? _outcomeNote;

    /// <summary>
    /// The credit movement behind <paramref name="failure"/> could be neither proven applied nor proven not applied:
    /// <paramref name="why"/> says what the history showed, <paramref name="check"/> is the command that checks it.
    /// </summary>
    internal static MayarApiException OutcomeUnknown(MayarApiException failure, string why, string check, IReadOnlyList<CreditHistoryEntry>? candidates)
    {
        var detail = why + " Check with: " + check + " - and send it again only if it is not there.";
        return new MayarApiException(MayarErrorKind.OutcomeUnknown, failure.StatusCode, failure.HttpStatusCode, failure.ServerMessage, failure.ValidationErrors, failure.Method, failure.Path, detail, failure)
        {
            Attempts = failure.Attempts,
            RepeatAnswer = RepeatAnswer.Duplicate,
            CheckCommand = check,
            Candidates = candidates ?? Array.Empty<CreditHistoryEntry>(),
        };
    }

    /// <summary>For <see cref="MayarErrorKind.OutcomeUnknown"/>: the command that shows whether the movement was applied.</summary>
    public string? CheckCommand { get; private set; }

    /// <summary>For <see cref="MayarErrorKind.OutcomeUnknown"/>: the history entries the movement could be (may be empty).</summary>
    public IReadOnlyList<CreditHistoryEntry> Candidates { get; private set; } = Array.Empty<CreditHistoryEntry>();

    /// <summary>Adds what is known of the outcome after the failure (e.g. why it could not be checked).</summary>
    internal void AddOutcomeNote(string note) => _outcomeNote = _outcomeNote is null ? note : _outcomeNote + " " + note;

    /// <summary>The kind of failure.</summary>
    public MayarErrorKind Kind { get; }

    /// <summary>The stable ErrorId for this kind, e.g. "Mayar.Conflict".</summary>
    public string ErrorId => MayarErrorIds.For(Kind);

    /// <summary>
    /// The status that decided the kind: the body's <c>statusCode</c> when it reports a failure,
    /// otherwise the HTTP status; 400 for a body that only says "failed"; null without a response.
    /// </summary>
    public int? StatusCode { get; }

    /// <summary>The HTTP status line's code (may be 200 when the body reports the failure); null without a response.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>The server's <c>messages</c> or <c>message</c>, when it sent one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The server's validation items (empty when none).</summary>
    public IReadOnlyList<MayarValidationItem> ValidationErrors { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request path, without the query string.</summary>
    public string Path { get; }

    /// <summary>How many times the request was sent (1 when it was not retried).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>The wait the server asked for in a Retry-After header, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>True when the connection could not be established, so the API certainly did not see the request.</summary>
    public bool RequestNotSent { get; internal set; }

    /// <summary>
    /// True when a write that may have arrived was checked in the customer's credit history and found not applied
    /// (see <see cref="CreditMovementOperation{TResult}"/>).
    /// </summary>
    public bool NotApplied { get; internal set; }

    /// <summary>
    /// What sending the failed request again answers if the first send was processed: the operation's, set by the
    /// client (a write whose operation is not known is <see cref="RepeatAnswer.Unknown"/>).
    /// </summary>
    public RepeatAnswer RepeatAnswer { get; internal set; }

    /// <summary>
    /// True when a write failed in a way that does not rule out its effect: a timeout, a broken connection, a 5xx
    /// or an unreadable answer after the request was sent. Check before sending it again.
    /// </summary>
    public bool MayHaveBeenProcessed =>
        !RequestNotSent
        && !NotApplied
        && RepeatAnswer != RepeatAnswer.Unchanged
        && Kind is MayarErrorKind.Server or MayarErrorKind.Timeout or MayarErrorKind.Transport or MayarErrorKind.InvalidResponse or MayarErrorKind.OutcomeUnknown;

    /// <summary>
    /// True when every other request with this connection would be refused the same way (the key was refused): a
    /// batch stops at the first such error instead of sending every row to fail.
    /// </summary>
    public bool RefusesEveryRequest => Kind == MayarErrorKind.Unauthorized;

    /// <summary>What to do next, for an error record's RecommendedAction: from the kind and what a re-run answers.</summary>
    public string RecommendedAction => MayarErrorAdvice.RecommendedAction(Kind, MayHaveBeenProcessed, RepeatAnswer);

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = BuildMessage(Kind, StatusCode, ServerMessage, ValidationErrors, Method, Path, _detail);
            var notes = string.Empty;
            if (MayHaveBeenProcessed && Kind != MayarErrorKind.OutcomeUnknown)
            {
                notes += " " + MayarErrorAdvice.MayHaveBeenProcessedNote(RepeatAnswer);
            }

            if (NotApplied)
            {
                notes += " The customer's credit history shows it was not applied.";
            }

            if (_outcomeNote is not null)
            {
                notes += " " + _outcomeNote;
            }

            if (Attempts > 1)
            {
                notes += $" Gave up after {Attempts} attempts.";
            }

            return text + notes;
        }
    }

    private static string BuildMessage(
        MayarErrorKind kind,
        int? statusCode,
        string? serverMessage,
        IReadOnlyList<MayarValidationItem>? items,
        string method,
        string path,
        string? detail)
    {
        var what = kind switch
        {
            MayarErrorKind.Validation => "The Mayar API refused the request",
            MayarErrorKind.Unauthorized => "The Mayar API refused the API key (check the key and that it belongs to this environment)",
            MayarErrorKind.Forbidden => "The API key may not do this",
            MayarErrorKind.NotFound => "Not found",
            MayarErrorKind.Conflict => "Already exists",
            MayarErrorKind.RateLimited => "Rate limited by the Mayar API",
            MayarErrorKind.Server => "The Mayar API failed",
            MayarErrorKind.Transport => "Could not reach the Mayar API",
            MayarErrorKind.Timeout => "The Mayar API did not answer in time",
            MayarErrorKind.InsufficientCredit => "Not enough credit",
            MayarErrorKind.OutcomeUnknown => "Outcome unknown",
            _ => "The Mayar API answered with something other than the documented JSON",
        };

        if (kind == MayarErrorKind.OutcomeUnknown)
        {
            // The detail says it all (what was sent, what failed, what the history showed); the server's words are the inner error's.
            return $"{what}: {detail} [{method} {path}]";
        }

        var text = what;
        if (!string.IsNullOrEmpty(serverMessage))
        {
            text += ": " + serverMessage;
        }

        if (items is { Count: > 0 })
        {
            text += " (" + string.Join("; ", items.Select(i => i.ToString())) + ")";
        }

        if (!string.IsNullOrEmpty(detail))
        {
            text += ". " + detail;
        }

        var status = statusCode is null ? string.Empty : " -> " + statusCode.Value;
        return $"{text} [{method} {path}{status}]";
    }
}
