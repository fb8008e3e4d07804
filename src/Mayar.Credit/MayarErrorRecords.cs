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
            ErrorDetails = new ErrorDetails(exception.Message)
            {
                RecommendedAction = exception.MayHaveBeenProcessed
                    ? "The request may have been processed: check before sending it again (Get-MayarCreditBalance for a registration). Re-running a registration that took effect answers with Mayar.Conflict, so a re-run of the batch is safe."
                    : RecommendedAction(exception.Kind),
            },
        };

    /// <summary>The record for one input's failure, whichever kind it is.</summary>
    public static ErrorRecord For(Exception? error, object? target) => error switch
    {
        MayarArgumentException invalid => InvalidArgument(invalid, target),
        MayarApiException failure => Api(failure, target),
        _ => new ErrorRecord(error ?? new OperationCanceledException(), "Mayar.Unexpected", ErrorCategory.NotSpecified, target),
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
        MayarErrorKind.Server => ErrorCategory.ConnectionError,
        MayarErrorKind.Transport => ErrorCategory.ConnectionError,
        MayarErrorKind.Timeout => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.InvalidResult,
    };

    private static string RecommendedAction(MayarErrorKind kind) => kind switch
    {
        MayarErrorKind.Validation => "Correct the input named in the message; the API did not accept it.",
        MayarErrorKind.Unauthorized => "Check the key (Get-MayarConnection shows its last characters): production keys work only with -Environment Production, sandbox keys only with Sandbox.",
        MayarErrorKind.Forbidden => "Use a key with Read & Write access for commands that change data.",
        MayarErrorKind.NotFound => "Check the ids: the customer must be registered in that product.",
        MayarErrorKind.Conflict => "It already exists: on a re-run this means the earlier run succeeded for this input.",
        MayarErrorKind.RateLimited => "Wait for the Retry-After in the message, or lower Connect-Mayar -RequestsPerMinute (the documented limit is 20 per minute per IP, shared by everything on this machine).",
        MayarErrorKind.Server => "Retry later; for a write, first check whether it took effect.",
        MayarErrorKind.Transport => "Check the network and the base URI (Get-MayarConnection).",
        MayarErrorKind.Timeout => "Retry later or raise Connect-Mayar -TimeoutSec; for a write, first check whether it took effect.",
        _ => "Retry later; if it persists, the API or a proxy in between is answering with something other than Mayar's JSON.",
    };
}
