using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Tab-completes -MembershipTierId with the tiers of the -ProductId already typed (by id or name prefix), by running
/// Get-MayarMembershipTier in the current runspace: only when a connection exists (else nothing is offered, and
/// no error is left in $Error), and with the connection's pacing. The tier's name is the tooltip.
/// </summary>
public sealed class MembershipTierCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters?["ProductId"] is not string productId || string.IsNullOrWhiteSpace(productId))
        {
            return Array.Empty<CompletionResult>();
        }

        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);

        // Without a connection the cmdlet would fail, and even an ignored failure lands in $Error.
        if (!HasConnection(shell))
        {
            return Array.Empty<CompletionResult>();
        }

        shell.AddCommand("Mayar.Credit\\Get-MayarMembershipTier")
            .AddParameter("ProductId", productId)
            .AddParameter("ErrorAction", ActionPreference.Ignore);
        Collection<PSObject> found;
        try
        {
            found = shell.Invoke();
        }
        catch (RuntimeException)
        {
            return Array.Empty<CompletionResult>();
        }

        return found
            .Select(item => item?.BaseObject as MayarMembershipTier)
            .Where(tier => tier is not null && (tier.MembershipTierId.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || (tier.Name ?? string.Empty).StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(tier => new CompletionResult(tier!.MembershipTierId, $"{tier.MembershipTierId} ({tier.Name})", CompletionResultType.ParameterValue, tier.Name ?? tier.MembershipTierId))
            .ToList();
    }

    private static bool HasConnection(PowerShell shell)
    {
        shell.AddCommand("Get-Variable")
            .AddParameter("Name", MayarConnectionStore.VariableName.Substring("global:".Length))
            .AddParameter("Scope", "Global")
            .AddParameter("ValueOnly")
            .AddParameter("ErrorAction", ActionPreference.Ignore);
        var runspaceDefault = shell.Invoke().FirstOrDefault()?.BaseObject as MayarConnection;
        shell.Commands.Clear();
        try
        {
            return MayarConnectionStore.Resolve(runspaceDefault) is not null;
        }
        catch (MayarArgumentException)
        {
            // MAYAR_* variables that Connect-Mayar would refuse: no connection.
            return false;
        }
    }
}
