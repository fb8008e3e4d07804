using System;
using System.Collections.Generic;

namespace Mayar.Credit.Tests;

/// <summary>One cmdlet of a <see cref="CmdletContract"/>: its Cmdlet attribute, output types and parameters.</summary>
public sealed class ContractCmdlet
{
    public required string Name { get; init; }

    public string? DefaultParameterSetName { get; init; }

    public bool SupportsShouldProcess { get; init; }

    /// <summary>The declared impact, or Medium (PowerShell's default) for a cmdlet that supports ShouldProcess.</summary>
    public string? ConfirmImpact { get; init; }

    public bool SupportsPaging { get; init; }

    public IReadOnlyList<ContractOutputType> OutputTypes { get; init; } = new List<ContractOutputType>();

    public IReadOnlyList<ContractParameter> Parameters { get; init; } = new List<ContractParameter>();
}

/// <summary>One type of an [OutputType] attribute; no sets means every set.</summary>
public sealed record ContractOutputType(string Type, IReadOnlyList<string> Sets);

/// <summary>One parameter: its type, aliases, other PowerShell attributes (as written in a line) and sets.</summary>
public sealed class ContractParameter
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Attributes { get; init; } = Array.Empty<string>();

    public IReadOnlyList<ContractSet> Sets { get; init; } = new List<ContractSet>();
}

/// <summary>One [Parameter] attribute of a parameter: how it binds in one set (<see cref="CmdletContract.AllSets"/> when no set is named).</summary>
public sealed class ContractSet
{
    public required string Name { get; init; }

    public bool Mandatory { get; init; }

    public int? Position { get; init; }

    public bool ValueFromPipeline { get; init; }

    public bool ValueFromPipelineByPropertyName { get; init; }

    /// <summary>The attribute's other named arguments (HelpMessage, DontShow, …), as Name=value.</summary>
    public IReadOnlyList<string> Other { get; init; } = Array.Empty<string>();
}
