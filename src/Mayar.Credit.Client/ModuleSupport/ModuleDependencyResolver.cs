using System;
using System.IO;
using System.Reflection;

namespace Mayar.Credit.Client;

/// <summary>
/// Resolves, on .NET Framework, the dependency assemblies that a module folder ships (System.Text.Json and
/// what it needs) when binding fails because no binding redirect exists in powershell.exe.config. It answers
/// only requests made by an assembly loaded from that folder, for a dll that folder holds, in a version at
/// least the one asked for; every other request is left to whoever else handles it (PSResourceGet's pattern).
/// </summary>
public sealed class ModuleDependencyResolver
{
    private readonly string _folder;

    /// <summary>Creates a resolver for the assemblies in <paramref name="moduleFolder"/>.</summary>
    public ModuleDependencyResolver(string moduleFolder)
    {
        _folder = Path.GetFullPath(moduleFolder ?? throw new ArgumentNullException(nameof(moduleFolder)));
    }

    /// <summary>The <see cref="AppDomain.AssemblyResolve"/> handler.</summary>
    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = PathFor(args.Name, args.RequestingAssembly?.Location);
        return path is null ? null : Assembly.LoadFrom(path);
    }

    /// <summary>The file to load for <paramref name="requestedName"/>, or null when this resolver must not answer.</summary>
    public string? PathFor(string requestedName, string? requestingAssemblyLocation)
    {
        if (string.IsNullOrEmpty(requestingAssemblyLocation) || !IsInFolder(requestingAssemblyLocation!))
        {
            return null;
        }

        AssemblyName requested;
        try
        {
            requested = new AssemblyName(requestedName);
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return null;
        }

        // Resource satellite lookups and names with path characters are never ours.
        if (string.IsNullOrEmpty(requested.Name) || requested.Name!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase) || requested.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        var candidate = Path.Combine(_folder, requested.Name + ".dll");
        if (!File.Exists(candidate))
        {
            return null;
        }

        var shipped = AssemblyName.GetAssemblyName(candidate);
        if (requested.Version is not null && shipped.Version < requested.Version)
        {
            return null;
        }

        return candidate;
    }

    private bool IsInFolder(string location)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(location));
        return string.Equals(directory?.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), _folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.OrdinalIgnoreCase);
    }
}
