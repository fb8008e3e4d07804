using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Mayar.Credit;

/// <summary>
/// Mayar.Credit.Types.ps1xml (the CodeProperties that make Export-Csv write the module's times in ISO 8601, see
/// <see cref="MayarTimestamp"/>), loaded into a runspace the first time one of the module's commands writes an object
/// that has a time, rather than by the manifest at every Import-Module: reading a types file costs PowerShell about
/// 17 ms, which a script whose output has no times (a balance, a registration) then never pays (issue 16). Every
/// object with a time that leaves the module goes through <see cref="Write"/>, so the type data is there before any
/// command downstream (Export-Csv, Select-Object, Get-Member) sees the object.
/// </summary>
internal static class MayarTypeData
{
    /// <summary>The types file, staged at the top of the module folder (the assemblies are in Desktop/ or Core/ below it).</summary>
    public const string FileName = "Mayar.Credit.Types.ps1xml";

    private static readonly ConcurrentDictionary<Type, bool> TimeBearing = new();
    private static readonly ConditionalWeakTable<Runspace, object> Loaded = new();

    /// <summary>Writes <paramref name="item"/> to the pipeline, first loading the type data if it has a time and the runspace lacks it.</summary>
    public static void Write(Cmdlet cmdlet, object? item)
    {
        if (item is not null && TimeBearing.GetOrAdd(item.GetType(), HasTime))
        {
            EnsureLoaded();
        }

        cmdlet.WriteObject(item);
    }

    /// <summary>
    /// The types file's path: at the top of the staged module folder, one above the assembly's Desktop/ or Core/, or
    /// beside the assembly (a build's bin folder imported directly); null when neither has it.
    /// </summary>
    public static string? FilePath()
    {
        var assemblyFolder = Path.GetDirectoryName(typeof(MayarTypeData).Assembly.Location);
        if (string.IsNullOrEmpty(assemblyFolder))
        {
            return null;
        }

        var moduleFolder = Path.GetDirectoryName(assemblyFolder);
        return new[] { moduleFolder, assemblyFolder }
            .Where(folder => !string.IsNullOrEmpty(folder))
            .Select(folder => Path.Combine(folder!, FileName))
            .FirstOrDefault(File.Exists);
    }

    private static bool HasTime(Type type) =>
        type.GetProperties().Any(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)
            || p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?));

    // Called on the pipeline thread, where the default runspace is the command's own.
    private static void EnsureLoaded()
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null || Loaded.TryGetValue(runspace, out _))
        {
            return;
        }

        Loaded.Add(runspace, FileName);
        var path = FilePath();
        if (path is null)
        {
            return;
        }

        try
        {
            using var update = PowerShell.Create(RunspaceMode.CurrentRunspace);
            update.AddCommand("Microsoft.PowerShell.Utility\\Update-TypeData").AddParameter("PrependPath", path).Invoke();
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // A restricted runspace without Update-TypeData: the times are still DateTimeOffset, only their CSV text is the culture's.
        }
    }
}
