using System.Collections.Generic;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// A cmdlet that sends one API operation per input record. It says, by overriding the hooks, how the bound
/// parameters become a request, which operation sends it, and what a change is called for -WhatIf and -Confirm;
/// the base does the rest (validation once on the pipeline thread, ShouldProcess, -ThrottleLimit, output order,
/// errors and tracing).
/// </summary>
/// <typeparam name="TRequest">The request built from the bound parameters; the TargetObject of this input's errors.</typeparam>
public abstract class MayarOperationCmdlet<TRequest> : MayarCmdlet
    where TRequest : class
{
    /// <summary>The action named by -WhatIf and -Confirm for a change, e.g. "Register".</summary>
    private protected virtual string ConfirmAction => MyInvocation.MyCommand.Name.Split('-')[0];

    /// <summary>The request for the current input record, from the bound parameters, not yet validated.</summary>
    private protected abstract TRequest BuildRequest();

    /// <summary>
    /// The requests of the current input record, one row each: the one of <see cref="BuildRequest"/>, or one per id
    /// of a parameter that takes several (-CustomerId a, b).
    /// </summary>
    private protected virtual IEnumerable<TRequest> BuildRequests() => new[] { BuildRequest() };

    /// <summary>What names a row to a person, at the start of its error and in the progress: an email, a customer or member id.</summary>
    private protected abstract string? RowIdentity(TRequest request);

    /// <summary>The operation that sends <paramref name="request"/>; creating it applies the input rules.</summary>
    private protected abstract MayarOperation CreateOperation(TRequest request);

    /// <summary>What a change is made to, for -WhatIf and -Confirm (e.g. "customer a@example.com in product …"); reads are never confirmed.</summary>
    private protected virtual string ConfirmTarget(TRequest request) => request.ToString() ?? string.Empty;

    /// <summary>Sends the current input record's operations, a row each.</summary>
    protected override void ProcessRecord()
    {
        foreach (var request in BuildRequests())
        {
            Submit(request, RowIdentity(request), () => CreateOperation(request), () => ConfirmTarget(request), ConfirmAction);
        }
    }
}
