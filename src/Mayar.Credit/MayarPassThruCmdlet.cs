using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// A cmdlet whose write succeeds without data (the API answers only "success"): like Set-Item, it writes nothing
/// unless -PassThru asks for what it changed.
/// </summary>
/// <typeparam name="TRequest">The request built from the bound parameters.</typeparam>
public abstract class MayarPassThruCmdlet<TRequest> : MayarOperationCmdlet<TRequest>
    where TRequest : class
{
    /// <summary>Writes what was changed; by default nothing is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override bool WritesResults => PassThru.IsPresent;
}
