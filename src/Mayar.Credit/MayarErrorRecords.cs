using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>Turns client exceptions into ErrorRecords with stable ErrorIds and fitting categories (conventions.md).</summary>
internal static class MayarErrorRecords
{
    public static ErrorRecord InvalidArgument(MayarArgumentException exception, object? target) =>
        new(exception, MayarErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = $"Correct -{exception.ParamName} and run the command again for this input." },
        };

    public static ErrorRecord Api(MayarApiException exception, object? target) =>
        new(exception, exception.ErrorId, CategoryOf(exception.Kind), target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction },
        };

    /// <summary>The record for one input's failure, whichever kind it is.</summary>
    public static ErrorRecord For(Exception? error, object? target) => error switch
    {
        MayarArgumentException invalid => InvalidArgument(invalid, target),
        MayarApiException failure => Api(failure, target),
        _ => new ErrorRecord(error ?? new OperationCanceledException(), "Mayar.Unexpected", ErrorCategory.NotSpecified, target),
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
