using System;
using System.IO;
using Mayar.Credit.Build;

// Usage: Mayar.Credit.NuspecGenerator --manifest FILE.psd1 --out FILE.nuspec
// Writes the Gallery .nuspec for the module named after the manifest file.
string? manifest = null, output = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--manifest": manifest = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
    }
}

if (manifest is null || output is null)
{
    Console.Error.WriteLine("Usage: Mayar.Credit.NuspecGenerator --manifest FILE.psd1 --out FILE.nuspec");
    return 2;
}

try
{
    var nuspec = GalleryNuspec.Create(Path.GetFileNameWithoutExtension(manifest), new PowerShellDataFile(manifest));
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    nuspec.Save(output);
    Console.WriteLine(output);
    return 0;
}
catch (Exception ex) when (ex is FormatException or IOException)
{
    Console.Error.WriteLine($"error: {manifest}: {ex.Message}");
    return 1;
}
