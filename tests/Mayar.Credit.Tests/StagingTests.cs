using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>What `dotnet build` leaves in out/&lt;Configuration&gt;/Mayar.Credit/.</summary>
[Collection(ModuleCollection.Name)]
public sealed class StagingTests
{
    private readonly ModuleMetadata _module;

    public StagingTests(ModuleMetadata module) => _module = module;

    [Theory]
    [InlineData("Mayar.Credit.psd1")]
    [InlineData("Desktop/Mayar.Credit.dll")]
    [InlineData("Desktop/Mayar.Credit.Client.dll")]
    [InlineData("Desktop/System.Text.Json.dll")]
    [InlineData("Core/Mayar.Credit.dll")]
    [InlineData("Core/Mayar.Credit.Client.dll")]
    [InlineData("Mayar.Credit.Connection.Format.ps1xml")]
    [InlineData("Mayar.Credit.Customer.Format.ps1xml")]
    [InlineData("Mayar.Credit.Credit.Format.ps1xml")]
    [InlineData("Mayar.Credit.Membership.Format.ps1xml")]
    [InlineData("Mayar.Credit.Types.ps1xml")]
    [InlineData("en-US/Mayar.Credit.dll-Help.xml")]
    [InlineData("en-US/about_Mayar.Credit.help.txt")]
    public void The_module_folder_holds(string file) => Assert.True(File.Exists(Path.Combine(_module.ModuleFolder, file)), file);

    [Fact]
    public void The_powershell_reference_assembly_is_never_shipped() =>
        Assert.Empty(Directory.GetFiles(_module.ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));

    [Fact]
    public void No_assembly_is_at_the_top_of_the_module_folder_only_in_desktop_and_core() =>
        Assert.Empty(Directory.GetFiles(_module.ModuleFolder, "*.dll"));

    [Fact]
    public void PowerShell_7_gets_no_copy_of_system_text_json() =>
        Assert.Equal(new[] { "Mayar.Credit.Client.dll", "Mayar.Credit.dll" }, Directory.GetFiles(_module.CoreFolder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [InlineData("Mayar.Credit.dll")]
    [InlineData("Mayar.Credit.Client.dll")]
    public void The_powershell_7_assemblies_target_net8_and_carry_ready_to_run_code(string file)
    {
        var path = Path.Combine(_module.CoreFolder, file);
        using (var pe = new PEReader(File.OpenRead(path)))
        {
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, file + " has no ReadyToRun header");
        }

        // Read as the netstandard2.0 ones are (ModuleMetadata), in a context of their own: the names are the same.
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Concat(Directory.GetFiles(_module.CoreFolder, "*.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var framework = context.LoadFromAssemblyPath(path).GetCustomAttributesData().Single(a => a.AttributeType.Name == "TargetFrameworkAttribute");
        Assert.Equal(".NETCoreApp,Version=v8.0", framework.ConstructorArguments[0].Value);
    }

    [Fact]
    public void System_text_json_is_an_8_0_release()
    {
        var json = _module.Client.GetReferencedAssemblies().Single(a => a.Name == "System.Text.Json");
        Assert.Equal(8, json.Version!.Major);
    }

    [Fact]
    public void The_client_has_no_powershell_dependency() =>
        Assert.DoesNotContain(_module.Client.GetReferencedAssemblies(), a => a.Name == "System.Management.Automation");

    [Fact]
    public void Both_assemblies_target_netstandard_2_0()
    {
        foreach (var assembly in new[] { _module.Module, _module.Client })
        {
            var framework = assembly.GetCustomAttributesData().Single(a => a.AttributeType.Name == "TargetFrameworkAttribute");
            Assert.Equal(".NETStandard,Version=v2.0", framework.ConstructorArguments[0].Value);
        }
    }

    [Fact]
    public void The_fixture_reads_the_configuration_these_tests_were_built_in()
    {
        // bin/<Configuration>/net10.0/Mayar.Credit.Tests.dll
        var testBin = Path.GetDirectoryName(typeof(StagingTests).Assembly.Location)!;
        Assert.Equal(Path.GetFileName(Path.GetDirectoryName(testBin)), _module.Configuration);
        Assert.Equal(Path.Combine(_module.RepoRoot, "out", _module.Configuration, "Mayar.Credit"), _module.ModuleFolder);
    }

    [Theory]
    [InlineData("Mayar.Credit.dll")]
    [InlineData("Mayar.Credit.Client.dll")]
    public void The_staged_assemblies_are_this_configurations_build(string file)
    {
        var built = Path.Combine(_module.RepoRoot, "src", "Mayar.Credit", "bin", _module.Configuration, "netstandard2.0", file);
        Assert.True(File.ReadAllBytes(built).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_module.DesktopFolder, file))), file + " is not the " + _module.Configuration + " build");
    }
}
