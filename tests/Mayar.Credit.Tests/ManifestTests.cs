using System;
using System.IO;
using System.Linq;
using Mayar.Credit.Build;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// The staged manifest against the compiled module, and against the source manifest at the repository root (the
/// source of truth for version, exports and formats) that the build writes it from.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class ManifestTests
{
    private readonly ModuleMetadata _module;
    private readonly PowerShellDataFile _manifest;

    public ManifestTests(ModuleMetadata module)
    {
        _module = module;
        _manifest = new PowerShellDataFile(Path.Combine(module.ModuleFolder, "Mayar.Credit.psd1"));
    }

    [Fact]
    public void Exports_exactly_the_compiled_cmdlets()
    {
        Assert.Equal(
            _module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal),
            _manifest.List("CmdletsToExport")!.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("VariablesToExport")]
    [InlineData("AliasesToExport")]
    public void Exports_nothing_else(string key) => Assert.Empty(_manifest.List(key)!);

    [Theory]
    [InlineData("Desktop")]
    [InlineData("Core")]
    public void The_root_module_is_the_cmdlet_assembly_of_the_edition(string edition)
    {
        // The one value that is not a constant: PowerShell expands $PSEdition (Desktop or Core) when it reads it.
        Assert.Contains("\n    RootModule             = \"$PSEdition/Mayar.Credit.dll\"\n", File.ReadAllText(Path.Combine(_module.ModuleFolder, "Mayar.Credit.psd1")).Replace("\r\n", "\n"));
        Assert.True(File.Exists(Path.Combine(_module.ModuleFolder, edition, "Mayar.Credit.dll")), edition);
    }

    [Fact]
    public void The_assembly_version_comes_from_the_manifest()
    {
        var version = Version.Parse(_manifest.String("ModuleVersion")!);
        Assert.Equal(version, new Version(_module.Module.GetName().Version!.ToString(3)));
        Assert.Equal(version, new Version(_module.Client.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void Declares_both_editions_and_windows_powershell_5_1()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, _manifest.List("CompatiblePSEditions"));
        Assert.Equal("5.1", _manifest.String("PowerShellVersion"));
    }

    [Fact]
    public void Loads_no_types_file_the_module_loads_it_when_it_first_writes_a_time() =>
        Assert.Null(_manifest.List("TypesToProcess"));

    [Theory]
    [InlineData("FormatsToProcess")]
    public void Every_format_file_is_staged_beside_it(string key)
    {
        var files = _manifest.List(key)!;
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_module.ModuleFolder, f)), f));
    }

    [Fact]
    public void Gallery_tags_include_the_editions_and_platforms()
    {
        var tags = _manifest.List("Tags")!;
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" })
        {
            Assert.Contains(tag, tags);
        }

        Assert.StartsWith("https://", _manifest.String("ProjectUri"));
        Assert.StartsWith("https://", _manifest.String("LicenseUri"));
        Assert.False(string.IsNullOrWhiteSpace(_manifest.String("ReleaseNotes")));
    }

    [Fact]
    public void The_source_manifest_names_no_build_product()
    {
        var source = new PowerShellDataFile(SourcePath);
        Assert.Null(source.String("RootModule"));
        Assert.Null(source.List("NestedModules"));
        Assert.Null(source.List("RequiredAssemblies"));
    }

    // One format file per area; the staged manifest names them by leaf name.
    private static readonly string[] FormatFiles =
    {
        "src/Mayar.Credit/Mayar.Credit.Connection.Format.ps1xml",
        "src/Mayar.Credit/Mayar.Credit.Customer.Format.ps1xml",
        "src/Mayar.Credit/Mayar.Credit.Credit.Format.ps1xml",
        "src/Mayar.Credit/Mayar.Credit.Membership.Format.ps1xml",
    };

    [Fact]
    public void The_source_manifest_names_each_format_file_where_it_is_in_the_repository()
    {
        var files = new PowerShellDataFile(SourcePath).List("FormatsToProcess")!;
        Assert.Equal(FormatFiles, files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_module.RepoRoot, f)), f));
    }

    [Fact]
    public void The_staged_manifest_is_the_source_plus_the_root_module_with_the_format_file_by_leaf_name()
    {
        var source = File.ReadAllText(SourcePath);
        var staged = File.ReadAllText(Path.Combine(_module.ModuleFolder, "Mayar.Credit.psd1"));
        var stagedLines = staged.Split('\n').ToList();

        // Exactly one added line, just before ModuleVersion ...
        var added = stagedLines.FindIndex(l => l.TrimEnd() == "    RootModule             = \"$PSEdition/Mayar.Credit.dll\"");
        Assert.True(added >= 0, "the staged manifest has no RootModule line");
        Assert.StartsWith("    ModuleVersion ", stagedLines[added + 1]);
        stagedLines.RemoveAt(added);

        // ... and the format path by its leaf name; every other byte is the source's.
        var expected = FormatFiles.Aggregate(source, (text, file) => text.Replace("'" + file + "'", "'" + Path.GetFileName(file) + "'"));
        Assert.NotEqual(source, expected);
        Assert.Equal(expected, string.Join("\n", stagedLines));
    }

    private string SourcePath => Path.Combine(_module.RepoRoot, "Mayar.Credit.psd1");
}
