using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Mayar.Credit.Build;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// The PowerShell Gallery package the build writes (out/&lt;Configuration&gt;/package/Mayar.Credit.&lt;version&gt;.nupkg),
/// opened and checked against the staged module folder of the same configuration and the manifest.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class GalleryPackageTests : IDisposable
{
    // What NuGet adds to every package; everything else must be the module.
    private static readonly string[] NuGetOwnParts = { "[Content_Types].xml", "_rels/", "package/", "Mayar.Credit.nuspec" };

    private readonly ModuleMetadata _module;
    private readonly PowerShellDataFile _manifest;
    private readonly ZipArchive _package;
    private readonly XElement _metadata;

    public GalleryPackageTests(ModuleMetadata module)
    {
        _module = module;
        _manifest = new PowerShellDataFile(Path.Combine(module.ModuleFolder, "Mayar.Credit.psd1"));
        var path = Path.Combine(module.PackageFolder, $"Mayar.Credit.{_manifest.String("ModuleVersion")}.nupkg");
        Assert.True(File.Exists(path), $"{path} was not built");
        _package = ZipFile.OpenRead(path);
        var nuspec = _package.GetEntry("Mayar.Credit.nuspec") ?? throw new Xunit.Sdk.XunitException("the package has no Mayar.Credit.nuspec");
        using var stream = nuspec.Open();
        _metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public void Dispose() => _package.Dispose();

    private IEnumerable<ZipArchiveEntry> ModuleEntries =>
        _package.Entries.Where(e => !NuGetOwnParts.Any(p => p.EndsWith('/') ? e.FullName.StartsWith(p, StringComparison.Ordinal) : e.FullName == p));

    private string Metadata(string name) => _metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    [Fact]
    public void The_package_holds_exactly_the_staged_module_at_its_root()
    {
        var staged = Directory.GetFiles(_module.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_module.ModuleFolder, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(staged, ModuleEntries.Select(e => e.FullName).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_packaged_file_is_the_staged_one_byte_for_byte()
    {
        foreach (var entry in ModuleEntries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(File.ReadAllBytes(Path.Combine(_module.ModuleFolder, entry.FullName)).AsSpan().SequenceEqual(copy.ToArray()), entry.FullName + " differs from the staged file");
        }
    }

    [Theory]
    [InlineData("Mayar.Credit.psd1")]
    [InlineData("Desktop/Mayar.Credit.dll")]
    [InlineData("Desktop/Mayar.Credit.Client.dll")]
    [InlineData("Core/Mayar.Credit.dll")]
    [InlineData("Core/Mayar.Credit.Client.dll")]
    [InlineData("Mayar.Credit.Connection.Format.ps1xml")]
    [InlineData("Mayar.Credit.Customer.Format.ps1xml")]
    [InlineData("Mayar.Credit.Credit.Format.ps1xml")]
    [InlineData("Mayar.Credit.Membership.Format.ps1xml")]
    [InlineData("Mayar.Credit.Types.ps1xml")]
    [InlineData("en-US/Mayar.Credit.dll-Help.xml")]
    [InlineData("en-US/about_Mayar.Credit.help.txt")]
    public void The_package_holds(string file) => Assert.NotNull(_package.GetEntry(file));

    [Fact]
    public void The_powershell_reference_assembly_is_not_packaged() =>
        Assert.DoesNotContain(_package.Entries, e => e.Name == "System.Management.Automation.dll");

    [Fact]
    public void Id_and_version_are_the_manifests()
    {
        Assert.Equal("Mayar.Credit", Metadata("id"));
        Assert.Equal(_manifest.String("ModuleVersion"), Metadata("version"));
    }

    [Theory]
    [InlineData("description", "Description")]
    [InlineData("authors", "Author")]
    [InlineData("projectUrl", "ProjectUri")]
    [InlineData("licenseUrl", "LicenseUri")]
    [InlineData("releaseNotes", "ReleaseNotes")]
    [InlineData("copyright", "Copyright")]
    public void Metadata_comes_from_the_manifest(string nuspecElement, string manifestKey)
    {
        var expected = _manifest.String(manifestKey);
        Assert.False(string.IsNullOrWhiteSpace(expected), manifestKey + " is empty in the manifest");
        Assert.Equal(expected, Metadata(nuspecElement));
    }

    [Fact]
    public void Tags_carry_the_gallerys_discovery_tags_and_the_manifests()
    {
        var tags = Metadata("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(tags.Length, tags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var required in new[] { "PSModule", "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS", "PSIncludes_Cmdlet" })
        {
            Assert.Contains(required, tags);
        }

        Assert.All(_manifest.List("Tags")!, tag => Assert.Contains(tag, tags));

        // One PSCmdlet_ tag per cmdlet, for the exported list and the compiled module alike.
        var cmdletTags = tags.Where(t => t.StartsWith("PSCmdlet_", StringComparison.Ordinal)).Select(t => t["PSCmdlet_".Length..]).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(_manifest.List("CmdletsToExport")!.OrderBy(n => n, StringComparer.Ordinal), cmdletTags);
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), cmdletTags);
    }
}
