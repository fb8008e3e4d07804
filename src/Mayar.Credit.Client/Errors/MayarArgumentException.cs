using System;

namespace Mayar.Credit.Client;

/// <summary>
/// An input broke a rule before anything was sent. <see cref="ArgumentException.ParamName"/> is the
/// PowerShell parameter name (e.g. "Email"), and the message names it and the rule.
/// </summary>
public sealed class MayarArgumentException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="parameterName"/> breaking <paramref name="rule"/>.</summary>
    public MayarArgumentException(string parameterName, string rule)
        : base(rule, parameterName)
    {
        Rule = rule;
    }

    /// <summary>The rule that was broken, without the parameter name.</summary>
    public string Rule { get; }

    /// <summary>"-Email must be …": the parameter first, then the rule (no runtime-specific suffix).</summary>
    public override string Message => $"-{ParamName} {Rule}";

    /// <summary>The stable PowerShell ErrorId for client-side validation.</summary>
    public string ErrorId => MayarErrorIds.InvalidArgument;
}
