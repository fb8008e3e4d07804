using System.Linq;
using Xunit;

namespace Mayar.Credit.Tests;

/// <summary>One cmdlet's output piped into another binds by property name: the properties are where the parameters look.</summary>
[Collection(ModuleCollection.Name)]
public sealed class PipelineBindingTests
{
    private readonly ModuleMetadata _module;

    public PipelineBindingTests(ModuleMetadata module) => _module = module;

    [Fact]
    public void Register_output_binds_to_Get_MayarCreditBalance_by_property_name()
    {
        AssertBinds("Mayar.Credit.Client.RegisteredCreditCustomer", "Get-MayarCreditBalance", "Customer");
    }

    // The properties are there; a whole registration piped in still binds the default Customer set first (its
    // CustomerId), where the tier does not bind by property name: select MemberId, MembershipTierId and ProductId.
    [Fact]
    public void Membership_registration_output_carries_what_the_member_set_of_Get_MayarCreditBalance_needs()
    {
        AssertBinds("Mayar.Credit.Client.RegisteredMembershipCustomer", "Get-MayarCreditBalance", "Member");
    }

    [Fact]
    public void Credit_balance_output_binds_to_Get_MayarCreditBalance_again()
    {
        AssertBinds("Mayar.Credit.Client.CreditBalance", "Get-MayarCreditBalance", "Customer");
        AssertBinds("Mayar.Credit.Client.CreditBalance", "Get-MayarCreditBalance", "Member");
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
    public void Customer_output_gives_the_credit_cmdlets_its_customer_id()
    {
        var properties = _module.Client.GetType("Mayar.Credit.Client.MayarCustomerSummary")!.GetProperties().Select(p => p.Name).ToHashSet();
        foreach (var cmdlet in new[] { "Get-MayarCreditBalance", "Get-MayarCreditHistory" })
        {
            Assert.Contains(_module.Cmdlet(cmdlet).Parameter("CustomerId").BindingNames, properties.Contains);
        }
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
