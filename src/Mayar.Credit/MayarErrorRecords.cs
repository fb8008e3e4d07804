using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>Turns client exceptions into ErrorRecords with stable ErrorIds and fitting categories (conventions.md).</summary>
internal static class MayarErrorRecords
{
    /// <param name="exception">The rule the input broke.</param>
    /// <param name="target">The input (the request built from it).</param>
    /// <param name="row">How the message begins for one row of a batch, e.g. "a@example.com (row 3)"; null for none.</param>
    public static ErrorRecord InvalidArgument(MayarArgumentException exception, object? target, string? row = null) =>
        new(exception, MayarErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails(ForRow(row, exception.Message)) { RecommendedAction = $"Correct -{exception.ParamName} and run the command again for this input." },
        };

    /// <param name="exception">The API's failure.</param>
    /// <param name="target">The input (the request built from it).</param>
    /// <param name="row">How the message begins for one row of a batch; null for none.</param>
    public static ErrorRecord Api(MayarApiException exception, object? target, string? row = null) =>
        new(exception, exception.ErrorId, CategoryOf(exception.Kind), target)
        {
            ErrorDetails = new ErrorDetails(ForRow(row, exception.Message)) { RecommendedAction = exception.RecommendedAction },
        };

    /// <summary>The record for one row's failure, whichever kind it is; its message begins with <paramref name="row"/>.</summary>
    public static ErrorRecord For(Exception? error, object? target, string? row = null) => error switch
    {
        MayarArgumentException invalid => InvalidArgument(invalid, target, row),
        MayarApiException failure => Api(failure, target, row),
        _ => new ErrorRecord(error ?? new OperationCanceledException(), "Mayar.Unexpected", ErrorCategory.NotSpecified, target)
        {
            ErrorDetails = row is null ? null : new ErrorDetails(ForRow(row, error?.Message ?? "cancelled")),
        },
    };

    /// <summary>A journal that cannot be used (locked, unreadable, another environment's, or a row that changed): nothing is sent.</summary>
    public static ErrorRecord Journal(CreditJournalException exception, object? target) =>
        new(exception, MayarErrorIds.Journal, ErrorCategory.InvalidData, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Use the journal with the same input and connection it was written for, or another -JournalPath." },
        };

    public static ErrorRecord NotConnected() =>
        new(
            new InvalidOperationException("Not connected to Mayar: run Connect-Mayar -ApiKey (Read-Host -AsSecureString 'Mayar API key') [-Environment Sandbox], pass -Connection, or set $env:MAYAR_API_KEY."),
            MayarErrorIds.NotConnected,
            ErrorCategory.AuthenticationError,
            null);

    // "a@example.com (row 3): Already exists: …": which row, before what went wrong with it.
    private static string ForRow(string? row, string message) => row is null ? message : row + ": " + message;

    public static ErrorCategory CategoryOf(MayarErrorKind kind) => kind switch
    {
        MayarErrorKind.Validation => ErrorCategory.InvalidArgument,
        MayarErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
        MayarErrorKind.Forbidden => ErrorCategory.PermissionDenied,
        MayarErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        MayarErrorKind.Conflict => ErrorCategory.ResourceExists,
        MayarErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        MayarErrorKind.InsufficientCredit => ErrorCategory.LimitsExceeded,
        MayarErrorKind.OutcomeUnknown => ErrorCategory.OperationStopped,
        MayarErrorKind.Server => ErrorCategory.ConnectionError,
        MayarErrorKind.Transport => ErrorCategory.ConnectionError,
        MayarErrorKind.Timeout => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.InvalidResult,
    };
}
