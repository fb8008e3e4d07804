namespace Mayar.Credit.Client;

/// <summary>
/// What an error tells the user to do next. A write that may have been processed is advised by its
/// <see cref="RepeatAnswer"/>: a write that answers a conflict or "not found" when re-run shows by that answer
/// that it was done; any other must be checked first.
/// </summary>
public static class MayarErrorAdvice
{
    /// <summary>The sentence added to the message of an error that may have been processed.</summary>
    public static string MayHaveBeenProcessedNote(RepeatAnswer answer) => answer switch
    {
        RepeatAnswer.Conflict => "The request may have been processed: check before sending it again (if it took effect, sending it again is answered with a conflict).",
        RepeatAnswer.NotFound => "The request may have been processed: check before sending it again (if it took effect, sending it again is answered with \"not found\", because what it changed is no longer there).",
        _ => "The request may have been processed, and sending it again could apply it twice: check the customer's credit history (Get-MayarCreditHistory -First 5) before sending it again.",
    };

    /// <summary>The RecommendedAction of an error record.</summary>
    public static string RecommendedAction(MayarErrorKind kind, bool mayHaveBeenProcessed, RepeatAnswer answer)
    {
        if (kind == MayarErrorKind.OutcomeUnknown)
        {
            return "Run the check command in the message and decide: if the movement is in the customer's credit history it was applied; if not, send it again. Re-running the batch with the same -JournalPath repeats this error for this row until then, and never sends it blindly.";
        }

        if (mayHaveBeenProcessed)
        {
            return answer switch
            {
                RepeatAnswer.Conflict => "The request may have been processed: check before sending it again. If it took effect, running it again for this input answers with Mayar.Conflict, so a re-run of the batch does no harm.",
                RepeatAnswer.NotFound => "The request may have been processed: check before sending it again. If it took effect, running it again for this input answers with Mayar.NotFound (for an email change, Get-MayarCustomer -Email <new address> shows it), so a re-run of the batch does no harm.",
                _ => "The request may have been processed: check before sending it again (for credit, Get-MayarCreditHistory -First 5 shows the customer's latest movements). Do not simply run it again for this input: a second send could apply it twice.",
            };
        }

        return kind switch
        {
            MayarErrorKind.Validation => "Correct the input named in the message; the API did not accept it.",
            MayarErrorKind.Unauthorized => "Check the key (Get-MayarConnection shows its last characters): production keys work only with -Environment Production, sandbox keys only with Sandbox.",
            MayarErrorKind.Forbidden => "Use a key with Read & Write access for commands that change data.",
            MayarErrorKind.NotFound => "Check the ids and emails: the customer or member must exist, and for credit be registered in that product.",
            MayarErrorKind.Conflict => "It already exists: on a re-run this means the earlier run succeeded for this input.",
            MayarErrorKind.RateLimited => "Wait for the Retry-After in the message, or lower Connect-Mayar -RequestsPerMinute (the documented limit is 20 per minute per IP, shared by everything on this machine).",
            MayarErrorKind.Server => "Retry later; for a write, first check whether it took effect.",
            MayarErrorKind.Transport => "Check the network and the base URI (Get-MayarConnection).",
            MayarErrorKind.Timeout => "Retry later or raise Connect-Mayar -TimeoutSec; for a write, first check whether it took effect.",
            MayarErrorKind.InsufficientCredit => "The customer has less credit than the amount: read it with Get-MayarCreditBalance, top it up with Add-MayarCredit, or spend less.",
            _ => "Retry later; if it persists, the API or a proxy in between is answering with something other than Mayar's JSON.",
        };
    }
}
