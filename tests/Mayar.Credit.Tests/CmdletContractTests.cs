using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>The PowerShell-facing contract of every cmdlet, read from the compiled module.</summary>
// Over 300 lines on purpose: one row table per contract rule, each covering every cmdlet, reads best in one place.
[Collection(ModuleCollection.Name)]
public sealed class CmdletContractTests
{
    private static bool InheritsMayarCmdlet(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "Mayar.Credit.MayarCmdlet")
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ApprovedVerbsUsed = { "Add", "Connect", "Disconnect", "Get", "New", "Register", "Test", "Use" };
    private readonly ModuleMetadata _module;

    public CmdletContractTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void The_module_has_exactly_the_cmdlets_the_manifest_exports()
    {
        Assert.NotEmpty(ModuleMetadata.ExportedCmdlets());
        Assert.Equal(ModuleMetadata.ExportedCmdlets(), _module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_parameter_name_used_by_several_cmdlets_has_the_same_aliases_everywhere()
    {
        // A CSV header that binds to -ProductId of one cmdlet must bind to -ProductId of every cmdlet that has one.
        var shared = _module.Cmdlets
            .SelectMany(c => c.Parameters.Select(p => (Cmdlet: c.Name, Parameter: p)))
            .GroupBy(x => x.Parameter.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var group in shared)
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                Assert.True(
                    first.Parameter.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).SequenceEqual(other.Parameter.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
                    $"-{group.Key}: {first.Cmdlet} has aliases [{string.Join(", ", first.Parameter.Aliases)}], {other.Cmdlet} has [{string.Join(", ", other.Parameter.Aliases)}]");
            }
        }
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
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.Contains(c.Verb, ApprovedVerbsUsed);
            Assert.StartsWith("Mayar", c.Noun);
        });
    }

    // One row per cmdlet: a cmdlet without a row fails Every_exported_cmdlet_has_an_output_type_row.
    private static readonly Dictionary<string, string> OutputTypeRows = new()
    {
        ["Connect-Mayar"] = "Mayar.Credit.MayarConnection",
        ["Get-MayarConnection"] = "Mayar.Credit.MayarConnection",
        ["Disconnect-Mayar"] = "Mayar.Credit.MayarConnection",
        // One type a set where the sets write different types, comma-separated (see the per-set test below).
        ["Register-MayarCustomer"] = "Mayar.Credit.Client.RegisteredCreditCustomer,Mayar.Credit.Client.RegisteredMembershipCustomer",
        ["New-MayarCustomer"] = "Mayar.Credit.Client.MayarCustomer",
        ["Get-MayarCreditBalance"] = "Mayar.Credit.Client.CreditBalance",
        ["Get-MayarCreditHistory"] = "Mayar.Credit.Client.CreditHistoryEntry",
        ["Add-MayarCredit"] = "Mayar.Credit.Client.CreditTopUp",
        ["Use-MayarCredit"] = "Mayar.Credit.Client.CreditSpend",
        ["New-MayarCreditCheckout"] = "Mayar.Credit.Client.CreditCheckout",
        ["Get-MayarCustomer"] = "Mayar.Credit.Client.MayarCustomerSummary",
        ["Test-MayarConnection"] = "Mayar.Credit.Client.MayarConnectionTest,System.Boolean",
    };

    public static IEnumerable<object[]> OutputTypeCases() => OutputTypeRows.Select(r => new object[] { r.Key, r.Value });

    [Fact]
    public void Every_exported_cmdlet_has_an_output_type_row() =>
        Assert.Equal(ModuleMetadata.ExportedCmdlets(), OutputTypeRows.Keys.OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(OutputTypeCases))]
    public void Every_cmdlet_declares_its_public_output_type(string cmdlet, string outputTypes)
    {
        var expected = outputTypes.Split(',');
        Assert.Equal(expected.OrderBy(t => t, StringComparer.Ordinal), _module.Cmdlet(cmdlet).OutputTypes.OrderBy(t => t, StringComparer.Ordinal));
        // A -Quiet switch's System.Boolean is PowerShell's own type; the module's types must be public.
        foreach (var outputType in expected.Where(t => !t.StartsWith("System.", StringComparison.Ordinal)))
        {
            var type = _module.Module.GetType(outputType) ?? _module.Client.GetType(outputType);
            Assert.NotNull(type);
            Assert.True(type!.IsPublic);
        }
    }

    [Fact]
    public void Register_declares_its_output_type_per_parameter_set()
    {
        var register = _module.Cmdlet("Register-MayarCustomer");
        var bySet = ModuleMetadata.Attributes(register.Type, "OutputTypeAttribute").ToDictionary(
            a => string.Join(",", ((IEnumerable<CustomAttributeTypedArgument>)ModuleMetadata.Named(a, "ParameterSetName")!).Select(v => (string)v.Value!)),
            a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => ((Type)v.Value!).FullName).Single());
        Assert.Equal("CreditUsage", register.DefaultParameterSetName);
        Assert.Equal("Mayar.Credit.Client.RegisteredCreditCustomer", bySet["CreditUsage"]);
        Assert.Equal("Mayar.Credit.Client.RegisteredMembershipCustomer", bySet["Membership"]);
        Assert.Equal(new[] { "Membership" }, register.Parameter("MembershipTierId").Sets);
        Assert.Equal(new[] { "Membership" }, register.Parameter("MonthlyPeriod").Sets);
        Assert.Equal(new[] { "1", "3", "6", "12" }, register.Parameter("MonthlyPeriod").ValidateSet);
    }

    // The properties are there; a whole registration piped in still binds the default Customer set first (its
    // CustomerId), where the tier does not bind by property name: select MemberId, MembershipTierId and ProductId.
    [Fact]
    public void Membership_registration_output_carries_what_the_member_set_of_Get_MayarCreditBalance_needs()
    {
        AssertBinds("Mayar.Credit.Client.RegisteredMembershipCustomer", "Get-MayarCreditBalance", "Member");
    }

    [Fact]
    public void Lists_support_paging_and_nothing_else_does()
    {
        Assert.All(_module.Cmdlets, c => Assert.True(c.SupportsPaging == c.Type.BaseType!.Name.StartsWith("MayarListCmdlet", StringComparison.Ordinal), c.Name));
        Assert.True(_module.Cmdlet("Get-MayarCreditHistory").SupportsPaging);
    }

    [Theory]
    [InlineData("Register-MayarCustomer", true)]
    [InlineData("New-MayarCustomer", true)]
    [InlineData("Add-MayarCredit", true)]
    [InlineData("Use-MayarCredit", true)]
    [InlineData("New-MayarCreditCheckout", true)]
    [InlineData("Get-MayarCreditBalance", false)]
    [InlineData("Get-MayarCreditHistory", false)]
    [InlineData("Get-MayarConnection", false)]
    [InlineData("Test-MayarConnection", false)]
    public void Cmdlets_that_change_api_state_support_should_process(string cmdlet, bool expected) =>
        Assert.Equal(expected, _module.Cmdlet(cmdlet).SupportsShouldProcess);

    public static IEnumerable<object[]> ApiCmdlets() =>
        new[] { "Register-MayarCustomer", "New-MayarCustomer", "Get-MayarCreditBalance", "Get-MayarCreditHistory", "Add-MayarCredit", "Use-MayarCredit", "New-MayarCreditCheckout", "Get-MayarCustomer" }.Select(n => new object[] { n });

    [Fact]
    public void Every_api_cmdlet_is_in_the_api_cmdlet_rows()
    {
        // An API cmdlet is one built on MayarCmdlet: the rows below must name every one.
        var api = _module.Cmdlets.Where(c => InheritsMayarCmdlet(c.Type)).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(api, ApiCmdlets().Select(r => (string)r[0]).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiCmdlets))]
    public void Api_cmdlets_take_an_optional_connection(string cmdlet)
    {
        var connection = _module.Cmdlet(cmdlet).Parameter("Connection");
        Assert.Equal("Mayar.Credit.MayarConnection", connection.TypeName);
        Assert.False(connection.Mandatory);
        Assert.False(connection.ValueFromPipelineByPropertyName);
    }

    [Theory]
    // cmdlet, parameter, type, mandatory, by property name, position, aliases
    [InlineData("Register-MayarCustomer", "ProductId", "System.String", true, true, 0, "PaymentLinkId,product_id")]
    [InlineData("Register-MayarCustomer", "Name", "System.String", true, true, null, "FullName,CustomerName")]
    [InlineData("Register-MayarCustomer", "Email", "System.String", true, true, null, "EmailAddress,CustomerEmail")]
    [InlineData("Register-MayarCustomer", "Mobile", "System.String", true, true, null, "Phone,PhoneNumber,MobileNumber")]
    [InlineData("Register-MayarCustomer", "TrialCredit", "System.Decimal?", false, true, null, "trial_credit")]
    [InlineData("Register-MayarCustomer", "MembershipTierId", "System.String", true, true, null, "membership_tier_id")]
    [InlineData("Register-MayarCustomer", "MonthlyPeriod", "System.Int32", true, true, null, "monthly_period,membershipMonthlyPeriod")]
    [InlineData("New-MayarCustomer", "Name", "System.String", true, true, 0, "FullName,CustomerName")]
    [InlineData("New-MayarCustomer", "Email", "System.String", true, true, 1, "EmailAddress,CustomerEmail")]
    [InlineData("New-MayarCustomer", "Phone", "System.String", false, true, null, "Mobile,PhoneNumber")]
    [InlineData("New-MayarCustomer", "City", "System.String", false, true, null, "")]
    [InlineData("New-MayarCustomer", "Country", "System.String", false, true, null, "CountryCode")]
    [InlineData("New-MayarCustomer", "PaymentMethod", "System.String", false, true, null, "payment_method")]
    [InlineData("New-MayarCustomer", "Status", "System.String", false, true, null, "")]
    [InlineData("New-MayarCustomer", "CustomData", "System.Collections.Hashtable", false, true, null, "custom_data")]
    [InlineData("Get-MayarCreditBalance", "CustomerId", "System.String[]", true, true, 0, "customer_id")]
    [InlineData("Get-MayarCreditBalance", "ProductId", "System.String", true, true, 1, "PaymentLinkId,product_id")]
    [InlineData("Get-MayarCreditBalance", "MemberId", "System.String[]", true, true, null, "member_id")]
    [InlineData("Get-MayarCreditBalance", "MembershipTierId", "System.String", true, true, null, "membership_tier_id")]
    [InlineData("Add-MayarCredit", "CustomerId", "System.String", true, true, 0, "customer_id")]
    [InlineData("Add-MayarCredit", "Amount", "System.Decimal", true, true, 2, "Credit,credit_amount")]
    [InlineData("Add-MayarCredit", "MemberId", "System.String", false, true, null, "member_id")]
    [InlineData("Use-MayarCredit", "ProductId", "System.String", true, true, 1, "PaymentLinkId,product_id")]
    [InlineData("Use-MayarCredit", "Amount", "System.Decimal", true, true, 2, "Credit,credit_amount")]
    [InlineData("Get-MayarCreditHistory", "CustomerId", "System.String[]", true, true, 0, "customer_id")]
    [InlineData("Get-MayarCreditHistory", "ProductId", "System.String", true, true, 1, "PaymentLinkId,product_id")]
    [InlineData("Get-MayarCreditHistory", "MembershipTierId", "System.String", false, true, null, "membership_tier_id")]
    [InlineData("Get-MayarCreditHistory", "Type", "System.String", false, true, null, "")]
    [InlineData("Get-MayarCreditHistory", "WalletType", "System.String", false, true, null, "")]
    [InlineData("Get-MayarCreditHistory", "Since", "System.DateTime?", false, true, null, "")]
    [InlineData("Get-MayarCreditHistory", "Until", "System.DateTime?", false, true, null, "")]
    [InlineData("Get-MayarCreditHistory", "Ascending", "System.Management.Automation.SwitchParameter", false, true, null, "")]
    [InlineData("New-MayarCreditCheckout", "ProductId", "System.String", true, true, 0, "PaymentLinkId,product_id")]
    [InlineData("New-MayarCreditCheckout", "Name", "System.String", true, true, null, "FullName,CustomerName")]
    [InlineData("New-MayarCreditCheckout", "Email", "System.String", true, true, null, "EmailAddress,CustomerEmail")]
    [InlineData("New-MayarCreditCheckout", "Mobile", "System.String", true, true, null, "Phone,PhoneNumber,MobileNumber")]
    [InlineData("New-MayarCreditCheckout", "CreditAmount", "System.Decimal?", false, true, null, "credit_amount")]
    [InlineData("Get-MayarCustomer", "Email", "System.String[]", true, true, 0, "EmailAddress,CustomerEmail")]
    [InlineData("Connect-Mayar", "ApiKey", "System.Object", false, false, 0, "")]
    [InlineData("Connect-Mayar", "Environment", "System.String", false, false, null, "")]
    [InlineData("Connect-Mayar", "BaseUri", "System.Uri", true, false, null, "")]
    [InlineData("Connect-Mayar", "TimeoutSec", "System.Int32", false, false, null, "")]
    [InlineData("Connect-Mayar", "MaxRetries", "System.Int32", false, false, null, "")]
    [InlineData("Connect-Mayar", "RequestsPerMinute", "System.Int32", false, false, null, "")]
    [InlineData("Connect-Mayar", "PassThru", "System.Management.Automation.SwitchParameter", false, false, null, "")]
    [InlineData("Connect-Mayar", "Validate", "System.Management.Automation.SwitchParameter", false, false, null, "")]
    [InlineData("Test-MayarConnection", "Connection", "Mayar.Credit.MayarConnection", false, false, null, "")]
    [InlineData("Test-MayarConnection", "TimeoutSec", "System.Int32", false, false, null, "")]
    [InlineData("Test-MayarConnection", "Quiet", "System.Management.Automation.SwitchParameter", true, false, null, "")]
    [InlineData("Disconnect-Mayar", "PassThru", "System.Management.Automation.SwitchParameter", false, false, null, "")]
    public void Parameters_have_the_documented_shape(string cmdlet, string name, string type, bool mandatory, bool byPropertyName, int? position, string aliases)
    {
        var parameter = _module.Cmdlet(cmdlet).Parameter(name);
        Assert.Equal(type, parameter.TypeName);
        Assert.Equal(mandatory, parameter.Mandatory);
        Assert.Equal(byPropertyName, parameter.ValueFromPipelineByPropertyName);
        Assert.Equal(position, parameter.Position);
        Assert.Equal(aliases.Split(',', StringSplitOptions.RemoveEmptyEntries), parameter.Aliases);
    }

    [Theory]
    [InlineData("Connect-Mayar", "ApiKey,BaseUri,Connection,Environment,MaxRetries,PassThru,RequestsPerMinute,TimeoutSec,Validate")]
    [InlineData("Get-MayarConnection", "")]
    [InlineData("Disconnect-Mayar", "PassThru")]
    [InlineData("Test-MayarConnection", "Connection,Quiet,TimeoutSec")]
    [InlineData("Register-MayarCustomer", "Connection,Email,MembershipTierId,Mobile,MonthlyPeriod,Name,ProductId,ThrottleLimit,TrialCredit")]
    [InlineData("New-MayarCustomer", "City,Connection,Country,CustomData,Email,Name,PaymentMethod,Phone,Status,ThrottleLimit")]
    [InlineData("Get-MayarCreditBalance", "Connection,CustomerId,MemberId,MembershipTierId,ProductId,ThrottleLimit")]
    [InlineData("New-MayarCreditCheckout", "Connection,CreditAmount,Email,Mobile,Name,ProductId,ThrottleLimit")]
    [InlineData("Get-MayarCustomer", "Connection,Email,ThrottleLimit")]
    public void Cmdlets_have_no_undocumented_parameters(string cmdlet, string expected)
    {
        var names = _module.Cmdlet(cmdlet).Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (cmdlet == "Connect-Mayar")
        {
            wanted = wanted.Where(n => n != "Connection").ToArray();
        }

        Assert.Equal(wanted, names);
    }

    [Fact]
    public void Connect_puts_environment_and_base_uri_in_separate_sets()
    {
        var connect = _module.Cmdlet("Connect-Mayar");
        Assert.Equal("Environment", connect.DefaultParameterSetName);
        Assert.Equal(new[] { "Environment" }, connect.Parameter("Environment").Sets);
        Assert.Equal(new[] { "BaseUri" }, connect.Parameter("BaseUri").Sets);
        Assert.Equal(new[] { "__AllParameterSets" }, connect.Parameter("ApiKey").Sets);
        Assert.Equal(new[] { "Production", "Sandbox" }, connect.Parameter("Environment").ValidateSet);
        Assert.Equal((1L, 600L), connect.Parameter("TimeoutSec").Range);
    }

    [Fact]
    public void Test_MayarConnection_takes_piped_connections_and_writes_a_bool_only_with_Quiet()
    {
        var test = _module.Cmdlet("Test-MayarConnection");
        Assert.Equal("Result", test.DefaultParameterSetName);
        Assert.True(test.Parameter("Connection").ValueFromPipeline);
        Assert.Equal(new[] { "Quiet" }, test.Parameter("Quiet").Sets);
        Assert.Equal((1L, 600L), test.Parameter("TimeoutSec").Range);
        var bySet = ModuleMetadata.Attributes(test.Type, "OutputTypeAttribute").ToDictionary(
            a => string.Join(",", ((IEnumerable<CustomAttributeTypedArgument>)ModuleMetadata.Named(a, "ParameterSetName")!).Select(v => (string)v.Value!)),
            a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => ((Type)v.Value!).FullName).Single());
        Assert.Equal("Mayar.Credit.Client.MayarConnectionTest", bySet["Result"]);
        Assert.Equal("System.Boolean", bySet["Quiet"]);
    }

    [Fact]
    public void Connect_bounds_the_reliability_settings()
    {
        var connect = _module.Cmdlet("Connect-Mayar");
        Assert.Equal((0L, 10L), connect.Parameter("MaxRetries").Range);
        Assert.Equal((0L, 60000L), connect.Parameter("RequestsPerMinute").Range);
    }

    [Fact]
    public void Status_is_a_validate_set_of_the_documented_values() =>
        Assert.Equal(new[] { "active", "inactive", "suspended" }, _module.Cmdlet("New-MayarCustomer").Parameter("Status").ValidateSet);

    [Fact]
    public void Non_integer_numeric_parameters_parse_with_the_invariant_culture()
    {
        var numeric = _module.Cmdlets
            .SelectMany(c => c.Parameters)
            .Where(p => p.TypeName is "System.Decimal" or "System.Decimal?" or "System.Double" or "System.Double?" or "System.Single" or "System.Single?")
            .ToList();
        Assert.NotEmpty(numeric);
        Assert.All(numeric, p => Assert.Contains("InvariantDecimalTransformationAttribute", p.AttributeNames));
    }

    [Fact]
    public void Register_output_binds_to_Get_MayarCreditBalance_by_property_name()
    {
        AssertBinds("Mayar.Credit.Client.RegisteredCreditCustomer", "Get-MayarCreditBalance", "Customer");
    }

    [Fact]
    public void Credit_balance_output_binds_to_Get_MayarCreditBalance_again()
    {
        AssertBinds("Mayar.Credit.Client.CreditBalance", "Get-MayarCreditBalance", "Customer");
        AssertBinds("Mayar.Credit.Client.CreditBalance", "Get-MayarCreditBalance", "Member");
    }

    [Fact]
    public void Credit_balance_puts_the_customer_id_and_the_member_id_in_separate_sets()
    {
        var balance = _module.Cmdlet("Get-MayarCreditBalance");
        Assert.Equal("Customer", balance.DefaultParameterSetName);
        Assert.Equal(new[] { "Customer" }, balance.Parameter("CustomerId").Sets);
        Assert.Equal(new[] { "Member" }, balance.Parameter("MemberId").Sets);
        Assert.Equal(new[] { "__AllParameterSets" }, balance.Parameter("ProductId").Sets);
        Assert.Equal(new[] { "Customer", "Member" }, balance.Parameter("MembershipTierId").Sets.OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(new[] { "Member" }, balance.MandatoryIn("MembershipTierId"));
        Assert.Equal(new[] { "Customer" }, balance.MandatoryIn("CustomerId"));

        // The tier binds by property name in the Member set only (see the parameter's comment).
        var tier = ModuleMetadata.Attributes(balance.Parameter("MembershipTierId").Property, "ParameterAttribute")
            .ToDictionary(a => (string)ModuleMetadata.Named(a, "ParameterSetName")!, a => (bool?)ModuleMetadata.Named(a, "ValueFromPipelineByPropertyName") == true);
        Assert.False(tier["Customer"]);
        Assert.True(tier["Member"]);
    }

    [Fact]
    public void New_customer_output_gives_Register_MayarCustomer_its_name_email_and_mobile()
    {
        var properties = _module.Client.GetType("Mayar.Credit.Client.MayarCustomer")!.GetProperties().Select(p => p.Name).ToHashSet();
        var register = _module.Cmdlet("Register-MayarCustomer");
        foreach (var name in new[] { "Name", "Email", "Mobile" })
        {
            Assert.Contains(register.Parameter(name).BindingNames, properties.Contains);
        }
    }

    [Fact]
    public void Customer_output_gives_the_credit_cmdlets_its_customer_id_and_email_reads_in_its_own_set()
    {
        var properties = _module.Client.GetType("Mayar.Credit.Client.MayarCustomerSummary")!.GetProperties().Select(p => p.Name).ToHashSet();
        foreach (var cmdlet in new[] { "Get-MayarCreditBalance", "Get-MayarCreditHistory" })
        {
            Assert.Contains(_module.Cmdlet(cmdlet).Parameter("CustomerId").BindingNames, properties.Contains);
        }

        var get = _module.Cmdlet("Get-MayarCustomer");
        Assert.Equal("List", get.DefaultParameterSetName);
        Assert.Equal(new[] { "Email" }, get.Parameter("Email").Sets);
        Assert.True(get.SupportsPaging);
    }

    [Fact]
    public void Every_csv_friendly_input_binds_by_property_name()
    {
        var inputs = _module.Cmdlets
            .Where(c => c.Noun != "Mayar" && c.Noun != "MayarConnection")
            .SelectMany(c => c.Parameters.Where(p => p.Name is not "Connection" and not "ThrottleLimit" and not "JournalPath"));
        Assert.All(inputs, p => Assert.True(p.ValueFromPipelineByPropertyName, p.Name));
    }

    [Theory]
    [MemberData(nameof(ApiCmdlets))]
    public void ThrottleLimit_is_an_optional_int_from_1_to_64_defaulting_to_one_at_a_time(string cmdlet)
    {
        var parameter = _module.Cmdlet(cmdlet).Parameter("ThrottleLimit");
        Assert.Equal("System.Int32", parameter.TypeName);
        Assert.False(parameter.Mandatory);
        Assert.False(parameter.ValueFromPipelineByPropertyName);
        Assert.Equal((1L, 64L), parameter.Range);
    }

    [Fact]
    public void Aliases_are_unique_within_each_cmdlet()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            var names = c.Parameters.SelectMany(p => p.BindingNames).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    // Every parameter mandatory in the set (all of them when no set is named) binds from a property of the type.
    private void AssertBinds(string outputType, string cmdlet, string? set = null)
    {
        var properties = _module.Client.GetType(outputType)!.GetProperties().Select(p => p.Name).ToHashSet();
        var info = _module.Cmdlet(cmdlet);
        var mandatory = info.Parameters.Where(p => set is null ? p.Mandatory : p.MandatorySets.Contains(set) || p.MandatorySets.Contains("__AllParameterSets")).ToList();
        Assert.NotEmpty(mandatory);
        Assert.All(mandatory, p =>
        {
            Assert.True(p.ValueFromPipelineByPropertyName);
            Assert.Contains(p.BindingNames, properties.Contains);
        });
    }
}
