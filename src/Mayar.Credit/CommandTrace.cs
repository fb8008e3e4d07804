using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;

namespace Mayar.Credit;

/// <summary>
/// Where a cmdlet's trace lines go, decided the way PowerShell itself decides for its own streams.
/// </summary>
internal static class CommandTrace
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> DebugPreferenceProperties = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ErrorActionProperties = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ProgressPreferenceProperties = new();

    /// <summary>
    /// True when the command was given -Debug but not -Verbose. PowerShell then sets a compiled cmdlet's verbose
    /// preference to Inquire, so every WriteVerbose asks "Continue with this operation?" and, under
    /// pwsh -NonInteractive, fails. The user asked for the most detail, so verbose lines go to the debug stream.
    /// </summary>
    public static bool VerboseGoesToDebug(PSCmdlet cmdlet)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        return bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter flag && flag.IsPresent && !bound.ContainsKey("Verbose");
    }

    /// <summary>Writes a verbose line, or a debug line when <see cref="VerboseGoesToDebug"/>.</summary>
    public static void WriteVerboseLine(PSCmdlet cmdlet, string text)
    {
        if (VerboseGoesToDebug(cmdlet))
        {
            cmdlet.WriteDebug(text);
        }
        else
        {
            cmdlet.WriteVerbose(text);
        }
    }

    /// <summary>
    /// Writes a warning, or with -Debug (and no -WarningAction) a "WARNING: …" debug line: PowerShell then sets a
    /// compiled cmdlet's warning preference to Inquire, so a WriteWarning would ask "Continue with this operation?"
    /// in the middle of a batch and, under pwsh -NonInteractive, end it.
    /// </summary>
    public static void WriteWarningLine(PSCmdlet cmdlet, string text)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        if (bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true } && !bound.ContainsKey("WarningAction"))
        {
            cmdlet.WriteDebug("WARNING: " + text);
        }
        else
        {
            cmdlet.WriteWarning(text);
        }
    }

    /// <summary>
    /// Whether WriteDebug will show anything: -Debug, else $DebugPreference as the caller's scope sees it.
    /// </summary>
    public static bool IsDebugOn(PSCmdlet cmdlet)
    {
        // The command runtime's own DebugPreference is what WriteDebug obeys, and it reads $DebugPreference from
        // the caller's scope (a function or script block). It is internal, hence reflection; GetVariableValue is the
        // fallback, which sees the variable only where the module's session state does (global and script scope).
        if (ReadRuntimeDebugPreference(cmdlet.CommandRuntime) is ActionPreference runtime)
        {
            return IsShown(runtime);
        }

        var bound = cmdlet.MyInvocation.BoundParameters;
        if (bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter flag)
        {
            return flag.IsPresent;
        }

        return cmdlet.GetVariableValue("DebugPreference") is ActionPreference preference && IsShown(preference);
    }

    /// <summary>
    /// Whether WriteError will end the command (-ErrorAction Stop, or $ErrorActionPreference = 'Stop' as the caller's
    /// scope sees it). PowerShell then stops the pipeline inside WriteError, so nothing can be written after it.
    /// </summary>
    public static bool ErrorStops(PSCmdlet cmdlet)
    {
        if (ReadRuntimePreference(cmdlet.CommandRuntime, ErrorActionProperties, "ErrorAction") is ActionPreference runtime)
        {
            return runtime == ActionPreference.Stop;
        }

        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) && bound is ActionPreference given)
        {
            return given == ActionPreference.Stop;
        }

        return cmdlet.GetVariableValue("ErrorActionPreference") is ActionPreference preference && preference == ActionPreference.Stop;
    }

    /// <summary>
    /// Whether WriteProgress will show anything: -ProgressAction (PowerShell 7.4+), else $ProgressPreference as the
    /// caller's scope sees it. Nothing is built or written when it is SilentlyContinue.
    /// </summary>
    public static bool IsProgressOn(PSCmdlet cmdlet)
    {
        if (ReadRuntimePreference(cmdlet.CommandRuntime, ProgressPreferenceProperties, "ProgressPreference") is ActionPreference runtime)
        {
            return IsShown(runtime);
        }

        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var bound) && bound is ActionPreference given)
        {
            return IsShown(given);
        }

        return cmdlet.GetVariableValue("ProgressPreference") is not ActionPreference preference || IsShown(preference);
    }

    private static bool IsShown(ActionPreference preference) =>
        preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

    private static ActionPreference? ReadRuntimeDebugPreference(ICommandRuntime? runtime) => ReadRuntimePreference(runtime, DebugPreferenceProperties, "DebugPreference");

    private static ActionPreference? ReadRuntimePreference(ICommandRuntime? runtime, ConcurrentDictionary<Type, PropertyInfo?> cache, string name)
    {
        if (runtime is null)
        {
            return null;
        }

        var property = cache.GetOrAdd(
            runtime.GetType(),
            type => type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic));
        try
        {
            return property?.GetValue(runtime) as ActionPreference?;
        }
        catch (TargetInvocationException)
        {
            // An invalid preference value makes the runtime throw; the write will report it in its turn.
            return null;
        }
    }
}
