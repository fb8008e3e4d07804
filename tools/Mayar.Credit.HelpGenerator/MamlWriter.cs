using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Mayar.Credit.HelpGenerator;

/// <summary>Writes command help as MAML, the XML that Get-Help reads from Module.dll-Help.xml (platyPS's output shape).</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(WriteCommand)));

    private static XElement WriteCommand(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        var sets = help.ParameterSets.Count > 0 ? help.ParameterSets.Select(s => s.Name).ToList() : new List<string> { string.Empty };
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(
                Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", dash > 0 ? help.Name[..dash] : help.Name),
                new XElement(Command + "noun", dash > 0 ? help.Name[(dash + 1)..] : string.Empty),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(
                Command + "syntax",
                sets.Select(set => new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    help.Parameters.Where(p => set.Length == 0 || p.InSet(set)).Select(p => Parameter(p, inSyntax: true))))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => new XElement(Command + "inputType", Type(t.Type), Description(t.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => new XElement(Command + "returnValue", Type(t.Type), Description(t.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(
                Command + "examples",
                help.Examples.Select(e => new XElement(
                    Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))))),
            new XElement(Command + "relatedLinks", RelatedLinks(help).Select(l => new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    // The online page first, as platyPS writes it: Get-Help -Online opens the first related link with a URI.
    private static IEnumerable<(string Text, string Uri)> RelatedLinks(CommandHelp help) =>
        help.OnlineVersion.Length == 0 ? help.Links : new[] { ("Online Version:", help.OnlineVersion) }.Concat(help.Links.Where(l => l.Uri != help.OnlineVersion));

    private static XElement Parameter(ParameterHelp p, bool inSyntax)
    {
        var isSwitch = p.Type == "SwitchParameter";
        var element = new XElement(
            Command + "parameter",
            new XAttribute("required", p.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", p.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", p.Position),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description));

        if (p.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(
                Command + "parameterValueGroup",
                p.AcceptedValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        }

        if (!isSwitch || !inSyntax)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", isSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), p.Type));
        }

        element.Add(Type(p.Type), new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static XElement Type(string name) => new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs)
    {
        var list = paragraphs.Where(p => p.Length > 0).ToList();
        return list.Count == 0 ? new[] { new XElement(Maml + "para") } : list.Select(p => new XElement(Maml + "para", p));
    }
}
