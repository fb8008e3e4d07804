using System;
using System.IO;
using System.Linq;
using System.Text;
using Mayar.Credit.HelpGenerator;

// Usage: Mayar.Credit.HelpGenerator --docs DIR --out DIR --module NAME
// Writes NAME.dll-Help.xml from the cmdlet pages and about_*.help.txt from the about_*.md pages.
string? docs = null, output = null, module = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--docs": docs = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        case "--module": module = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
    }
}

if (docs is null || output is null || module is null)
{
    Console.Error.WriteLine("Usage: Mayar.Credit.HelpGenerator --docs DIR --out DIR --module NAME");
    return 2;
}

try
{
    Directory.CreateDirectory(output);
    var pages = Directory.GetFiles(docs, "*.md").OrderBy(p => p, StringComparer.Ordinal).ToList();
    var commands = pages
        .Select(path => (path, text: File.ReadAllText(path)))
        .Where(page => PlatyPsMarkdownReader.IsCommandPage(page.text))
        .Select(page => PlatyPsMarkdownReader.Read(page.text, Path.GetFileName(page.path)))
        .ToList();
    var maml = Path.Combine(output, module + ".dll-Help.xml");
    MamlWriter.Write(commands).Save(maml);
    Console.WriteLine($"{maml}: {commands.Count} commands");

    foreach (var about in pages.Where(p => Path.GetFileName(p).StartsWith("about_", StringComparison.Ordinal)))
    {
        var target = Path.Combine(output, Path.GetFileNameWithoutExtension(about) + ".help.txt");
        string text;
        try
        {
            text = AboutTopicWriter.Write(File.ReadAllText(about));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{Path.GetFileName(about)}: {ex.Message}", ex);
        }

        File.WriteAllText(target, text, new UTF8Encoding(false));
        Console.WriteLine(target);
    }

    return 0;
}
catch (Exception ex) when (ex is FormatException or IOException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
