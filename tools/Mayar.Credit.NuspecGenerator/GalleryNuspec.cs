using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Mayar.Credit.Build;

/// <summary>
/// The .nuspec PowerShellGet/PSResourceGet's Publish writes for a module, built from its manifest: id and
/// version from the manifest, its PSData tags plus the Gallery's discovery tags (PSModule, PSCmdlet_*,
/// PSCommand_*, PSIncludes_Cmdlet), and every file of the staged module folder at the package root.
/// </summary>
public static class GalleryNuspec
{
    public static readonly XNamespace Ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    public static XDocument Create(string moduleName, PowerShellDataFile manifest)
    {
        string Required(string key) => manifest.String(key) is { Length: > 0 } value
            ? value
            : throw new FormatException($"The manifest has no {key}; the Gallery needs it.");

        var cmdlets = manifest.List("CmdletsToExport") ?? throw new FormatException("The manifest has no CmdletsToExport list.");
        var metadata = new XElement(
            Ns + "metadata",
            new XElement(Ns + "id", moduleName),
            new XElement(Ns + "version", Required("ModuleVersion")),
            new XElement(Ns + "authors", Required("Author")),
            new XElement(Ns + "owners", manifest.String("CompanyName") ?? Required("Author")),
            new XElement(Ns + "requireLicenseAcceptance", "false"),
            new XElement(Ns + "licenseUrl", Required("LicenseUri")),
            new XElement(Ns + "projectUrl", Required("ProjectUri")),
            new XElement(Ns + "description", Required("Description")),
            new XElement(Ns + "releaseNotes", Required("ReleaseNotes")),
            new XElement(Ns + "copyright", manifest.String("Copyright") ?? string.Empty),
            new XElement(Ns + "tags", string.Join(" ", Tags(manifest.List("Tags") ?? Array.Empty<string>(), cmdlets))));

        var files = new XElement(Ns + "files", new XElement(Ns + "file", new XAttribute("src", "**"), new XAttribute("target", string.Empty)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "package", metadata, files));
    }

    /// <summary>The manifest's tags, then PSModule, then one PSCmdlet_ and PSCommand_ tag per cmdlet; no duplicates.</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string> manifestTags, IEnumerable<string> cmdlets)
    {
        var cmdletList = cmdlets.ToList();
        var tags = manifestTags
            .Append("PSModule")
            .Concat(cmdletList.Select(c => "PSCmdlet_" + c))
            .Concat(cmdletList.Select(c => "PSCommand_" + c))
            .Append("PSIncludes_Cmdlet");
        var bad = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace));
        if (bad is not null)
        {
            throw new FormatException($"The tag '{bad}' contains a space; NuGet tags are separated by spaces.");
        }

        return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
