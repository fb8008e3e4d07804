using System.Collections.Generic;

namespace Mayar.Credit.HelpGenerator;

/// <summary>One cmdlet's help page, as read from its platyPS-layout markdown.</summary>
public sealed class CommandHelp
{
    public string Name { get; set; } = string.Empty;

    public string Synopsis { get; set; } = string.Empty;

    public List<string> Description { get; } = new();

    /// <summary>The parameter sets named under SYNTAX, in order; the default one is marked.</summary>
    public List<(string Name, bool IsDefault)> ParameterSets { get; } = new();

    public List<ExampleHelp> Examples { get; } = new();

    public List<ParameterHelp> Parameters { get; } = new();

    public List<(string Type, List<string> Description)> Inputs { get; } = new();

    public List<(string Type, List<string> Description)> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<(string Text, string Uri)> Links { get; } = new();

    /// <summary>The front matter's "online version:", the page Get-Help -Online opens; empty when there is none.</summary>
    public string OnlineVersion { get; set; } = string.Empty;
}

/// <summary>One example: a title, the code, and the remarks after it.</summary>
public sealed class ExampleHelp
{
    public string Title { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public List<string> Remarks { get; } = new();
}

/// <summary>One parameter: its text and the yaml block's fields.</summary>
public sealed class ParameterHelp
{
    public string Name { get; set; } = string.Empty;

    public List<string> Description { get; } = new();

    /// <summary>As help shows it: Decimal for Nullable`1[Decimal] (what PowerShell binds is the plain type).</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Empty means every set ("(All)").</summary>
    public List<string> Sets { get; } = new();

    public List<string> Aliases { get; } = new();

    public List<string> AcceptedValues { get; } = new();

    public bool Required { get; set; }

    /// <summary>A number, or "named".</summary>
    public string Position { get; set; } = "named";

    public string DefaultValue { get; set; } = "None";

    /// <summary>"False", "True (ByPropertyName)", "True (ByValue)", "True (ByValue, ByPropertyName)".</summary>
    public string PipelineInput { get; set; } = "False";

    public bool Wildcards { get; set; }

    public bool InSet(string set) => Sets.Count == 0 || Sets.Contains(set);
}
