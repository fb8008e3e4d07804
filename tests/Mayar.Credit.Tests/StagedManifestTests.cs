using System;
using Mayar.Credit.Build;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>The build's source-to-staged manifest step (tools/Mayar.Credit.NuspecGenerator/StagedManifest.cs) on small inputs.</summary>
public sealed class StagedManifestTests
{
    private const string Source =
        "# RootModule = 'x.dll' in a comment does not count\n" +
        "@{\n" +
        "    ModuleVersion          = '1.2.3'\n" +
        "    FormatsToProcess       = @('src/A/A.Format.ps1xml', 'src\\B\\B.Format.ps1xml')\n" +
        "    CmdletsToExport        = @('Get-A')\n" +
        "}\n";

    [Fact]
    public void Adds_root_module_before_module_version_aligned_and_leaves_format_files_by_leaf_name()
    {
        Assert.Equal(
            "# RootModule = 'x.dll' in a comment does not count\n" +
            "@{\n" +
            "    RootModule             = 'A.dll'\n" +
            "    ModuleVersion          = '1.2.3'\n" +
            "    FormatsToProcess       = @('A.Format.ps1xml', 'B.Format.ps1xml')\n" +
            "    CmdletsToExport        = @('Get-A')\n" +
            "}\n",
            StagedManifest.Create(Source, "A.dll"));
    }

    [Fact]
    public void Per_edition_the_root_module_is_in_the_folder_named_after_the_edition() =>
        Assert.Contains("    RootModule             = \"$PSEdition/A.dll\"\n    ModuleVersion", StagedManifest.Create(Source, "A.dll", perEdition: true));

    [Fact]
    public void Per_edition_a_name_with_characters_special_in_double_quotes_keeps_them_literal() =>
        Assert.Contains("RootModule             = \"$PSEdition/A`$b`\"``.dll\"", StagedManifest.Create(Source, "A$b\"`.dll", perEdition: true));

    [Fact]
    public void Keeps_windows_line_endings() =>
        Assert.Contains("@{\r\n    RootModule             = 'A.dll'\r\n    ModuleVersion", StagedManifest.Create(Source.Replace("\n", "\r\n"), "A.dll"));

    [Fact]
    public void A_single_format_string_is_reduced_too() =>
        Assert.Contains(
            "FormatsToProcess = 'A.Format.ps1xml'",
            StagedManifest.Create("@{\n  ModuleVersion = '1.0'\n  FormatsToProcess = 'src/A/A.Format.ps1xml'\n}\n", "A.dll"));

    [Fact]
    public void Types_files_are_reduced_to_their_leaf_names_too() =>
        Assert.Contains(
            "TypesToProcess   = @('A.Types.ps1xml', 'B.Types.ps1xml')\n  FormatsToProcess = 'A.Format.ps1xml'",
            StagedManifest.Create("@{\n  ModuleVersion = '1.0'\n  TypesToProcess   = @('src/A/A.Types.ps1xml', 'src\\B\\B.Types.ps1xml')\n  FormatsToProcess = 'src/A/A.Format.ps1xml'\n}\n", "A.dll"));

    [Fact]
    public void A_source_that_sets_root_module_is_refused() =>
        Assert.Throws<FormatException>(() => StagedManifest.Create("@{\n    RootModule = 'A.dll'\n    ModuleVersion = '1.0'\n}\n", "A.dll"));

    [Fact]
    public void A_source_without_module_version_is_refused() =>
        Assert.Throws<FormatException>(() => StagedManifest.Create("@{\n    Author = 'me'\n}\n", "A.dll"));
}
