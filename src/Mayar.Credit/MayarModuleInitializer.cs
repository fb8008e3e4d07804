using System;
using System.IO;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// Runs on Import-Module and Remove-Module. On Windows PowerShell 5.1 (.NET Framework) it resolves the
/// dependency assemblies shipped in the module folder for the module's own assemblies only; PowerShell 7
/// carries newer copies of them and needs nothing. On both it starts <see cref="FirstRequestWarmUp"/>.
/// </summary>
public sealed class MayarModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static ModuleDependencyResolver? resolver;

    /// <summary>Registers the resolver on .NET Framework, then starts compiling the first request's code on a spare core.</summary>
    public void OnImport()
    {
        if (NetFrameworkNetworking.IsNetFramework && resolver is null)
        {
            resolver = new ModuleDependencyResolver(Path.GetDirectoryName(typeof(MayarModuleInitializer).Assembly.Location)!);
            AppDomain.CurrentDomain.AssemblyResolve += resolver.Resolve;
        }

        FirstRequestWarmUp.Start();
    }

    /// <summary>Removes the resolver.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (resolver is not null)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= resolver.Resolve;
            resolver = null;
        }
    }
}
