using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>
/// Rules every cmdlet class follows, read from the compiled module: its name, its output types, confirmation,
/// paging, and the options of the API cmdlets. What each cmdlet declares is in cmdlet-contract.txt.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class CmdletDeclarationTests
{
    private readonly ModuleMetadata _module;

    public CmdletDeclarationTests(ModuleMetadata module) => _module = module;

    private IEnumerable<CmdletInfo> ApiCmdlets => _module.Cmdlets.Where(c => c.IsApiCmdlet);

    [Fact]
    public void The_module_has_exactly_the_cmdlets_the_manifest_exports()
    {
        Assert.NotEmpty(ModuleMetadata.ExportedCmdlets());
        Assert.Equal(ModuleMetadata.ExportedCmdlets(), _module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void The_module_has_one_public_import_and_removal_hook()
    {
        // PowerShell runs OnImport/OnRemove of public types implementing these, with a parameterless constructor.
        var hooks = _module.Module.GetTypes()
            .Where(t => t.IsPublic && t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer"))
            .ToList();
        var hook = Assert.Single(hooks);
        Assert.Contains(hook.GetInterfaces(), i => i.FullName == "System.Management.Automation.IModuleAssemblyCleanup");
        Assert.NotNull(hook.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_and_the_Mayar_noun_prefix()
    {
        var approved = ApprovedVerbs();
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.True(approved.Contains(c.Verb), $"{c.Name}: {c.Verb} is not one of PowerShell's approved verbs (Get-Verb)");
            Assert.StartsWith("Mayar", c.Noun);
        });
    }

    [Fact]
    public void The_approved_verbs_are_read_from_PowerShell()
    {
        // Windows PowerShell 5.1's Get-Verb lists 98; an unapproved synonym such as Create is not among them.
        var approved = ApprovedVerbs();
        Assert.True(approved.Count > 90, $"{approved.Count} verbs read");
        Assert.Contains("Get", approved);
        Assert.DoesNotContain("Create", approved);
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_types_and_the_modules_own_are_public()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.True(c.OutputTypes.Count > 0, $"{c.Name} has no [OutputType]");
            // A -Quiet switch's System.Boolean is PowerShell's own type; the module's types must be public.
            foreach (var outputType in c.OutputTypes.Where(t => !t.StartsWith("System.", StringComparison.Ordinal)))
            {
                var type = _module.Module.GetType(outputType) ?? _module.Client.GetType(outputType);
                Assert.True(type is { IsPublic: true }, $"{c.Name}: output type {outputType} is not a public type of the module");
            }
        });
    }

    [Fact]
    public void Cmdlets_that_change_api_state_support_should_process_and_no_other_does()
    {
        // An API cmdlet with a verb other than Get or Test writes to the API, so it takes -WhatIf and -Confirm; a
        // read, and the connection cmdlets (which change only the session), do not.
        Assert.Contains(ApiCmdlets, c => c.SupportsShouldProcess);
        Assert.All(_module.Cmdlets, c =>
        {
            var changesApiState = c.IsApiCmdlet && c.Verb is not "Get" and not "Test";
            Assert.True(c.SupportsShouldProcess == changesApiState, $"{c.Name}: SupportsShouldProcess is {c.SupportsShouldProcess}");
        });
    }

    [Fact]
    public void Lists_support_paging_and_nothing_else_does()
    {
        Assert.All(_module.Cmdlets, c => Assert.True(c.SupportsPaging == c.Type.BaseType!.Name.StartsWith("MayarListCmdlet", StringComparison.Ordinal), c.Name));
        Assert.True(_module.Cmdlet("Get-MayarCreditHistory").SupportsPaging);
    }

    [Fact]
    public void Api_cmdlets_take_an_optional_connection()
    {
        Assert.NotEmpty(ApiCmdlets);
        Assert.All(ApiCmdlets, c =>
        {
            var connection = c.Parameter("Connection");
            Assert.Equal("Mayar.Credit.MayarConnection", connection.TypeName);
            Assert.False(connection.Mandatory, c.Name);
            Assert.False(connection.ValueFromPipelineByPropertyName, c.Name);
        });
    }

    [Fact]
    public void ThrottleLimit_is_an_optional_int_from_1_to_64_defaulting_to_one_at_a_time()
    {
        Assert.All(ApiCmdlets, c =>
        {
            var parameter = c.Parameter("ThrottleLimit");
            Assert.Equal("System.Int32", parameter.TypeName);
            Assert.False(parameter.Mandatory, c.Name);
            Assert.False(parameter.ValueFromPipelineByPropertyName, c.Name);
            Assert.Equal((1L, 64L), parameter.Range);
        });
    }

    // What Get-Verb lists: the public constants of PowerShell's Verbs* classes, read from the reference assembly.
    private HashSet<string> ApprovedVerbs() =>
        new[] { "VerbsCommon", "VerbsData", "VerbsLifecycle", "VerbsDiagnostic", "VerbsCommunications", "VerbsSecurity", "VerbsOther" }
            .Select(name => _module.PowerShell.GetType("System.Management.Automation." + name, throwOnError: true)!)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType.FullName == "System.String")
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
}
