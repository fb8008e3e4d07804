using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Mayar.Credit.Build;

// Usage: Mayar.Credit.NuspecGenerator --manifest FILE.psd1 --out FILE.nuspec
//          writes the Gallery .nuspec for the module named after the (staged) manifest file;
//        Mayar.Credit.NuspecGenerator --stage-manifest SOURCE.psd1 --root-module NAME.dll [--per-edition] --out STAGED.psd1
//          writes the loadable manifest from the source manifest (see StagedManifest), only if it changed;
//          --per-edition: RootModule = "$PSEdition/NAME.dll".
const string usage = "Usage: Mayar.Credit.NuspecGenerator --manifest FILE.psd1 --out FILE.nuspec\n" +
                     "       Mayar.Credit.NuspecGenerator --stage-manifest SOURCE.psd1 --root-module NAME.dll [--per-edition] --out STAGED.psd1";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    // --per-edition is a switch; every other option takes a value.
    if (args[i] == "--per-edition")
    {
        options[args[i]] = "true";
        continue;
    }

    if (args[i] is not ("--manifest" or "--stage-manifest" or "--root-module" or "--out") || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'.");
        Console.Error.WriteLine(usage);
        return 2;
    }

    options[args[i]] = args[++i];
}

options.TryGetValue("--out", out var output);
options.TryGetValue("--root-module", out var rootModule);
var perEdition = options.ContainsKey("--per-edition");
options.TryGetValue("--manifest", out var manifest);
options.TryGetValue("--stage-manifest", out var source);
if (output is null || (manifest is null) == (source is null) || (source is not null && rootModule is null))
{
    Console.Error.WriteLine(usage);
    return 2;
}

try
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    if (source is not null)
    {
        var staged = StagedManifest.Create(File.ReadAllText(source), rootModule!, perEdition);
        // Unchanged text keeps its timestamp, so the package is not rebuilt for nothing.
        if (!File.Exists(output) || File.ReadAllText(output) != staged)
        {
            File.WriteAllText(output, staged, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
    else
    {
        var nuspec = GalleryNuspec.Create(Path.GetFileNameWithoutExtension(manifest!), new PowerShellDataFile(manifest!));
        nuspec.Save(output);
    }

    Console.WriteLine(output);
    return 0;
}
catch (Exception ex) when (ex is FormatException or IOException)
{
    Console.Error.WriteLine($"error: {source ?? manifest}: {ex.Message}");
    return 1;
}
