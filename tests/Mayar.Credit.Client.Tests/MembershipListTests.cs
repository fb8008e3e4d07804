using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// docs/api/mayar-api.md §12 through the client: a membership product's tiers and members (cursor pages, the list's
/// dotted keys and the detail's nesting read into the same type), one member by id, the filters and the input rules.
/// </summary>
public sealed class MembershipListTests : EmulatorTest
{
    private const string Product = EmulatorOptions.MembershipProductId;

    public MembershipListTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Tiers_read_with_their_ids_names_periods_and_trial_credit()
    {
        var page = await Client().SendAsync(new GetMembershipTiersPageOperation(new GetMembershipTierRequest { ProductId = Product }));

        Assert.Null(page.Next);
        Assert.Equal(new[] { EmulatorOptions.ThirdMembershipTierId, EmulatorOptions.SecondMembershipTierId, EmulatorOptions.MembershipTierId }, page.Items.Select(t => t.MembershipTierId));
        var pro = page.Items[1];
        Assert.Equal((EmulatorOptions.SecondMembershipTierName, Product, "ACTIVE", (decimal?)EmulatorOptions.SecondMembershipTierTrialCredit, (bool?)true), (pro.Name, pro.ProductId, pro.Status, pro.TrialCredit, pro.IsTrialAvailable));
        Assert.Equal(new[] { (1, 150000m, 5000m), (12, 1500000m, 60000m) }, pro.Periods.Select(p => (p.MonthPeriod, p.Amount!.Value, p.Credit!.Value)));
        Assert.Null(page.Items[0].TrialCredit);
        Assert.Equal($"?productId={Product}&limit=10", OnlyRequest().Query);
    }

    [Fact]
    public async Task Tiers_read_with_numbers_as_strings()
    {
        Variants(v => v.NumbersAsStrings = true);

        var page = await Client().SendAsync(new GetMembershipTiersPageOperation(new GetMembershipTierRequest { ProductId = Product }, pageSize: 1));

        Assert.Equal(EmulatorOptions.ThirdMembershipTierId, Assert.Single(page.Items).MembershipTierId);
        var rest = await Client().SendAsync(page.Next!);
        Assert.Equal(EmulatorOptions.SecondMembershipTierTrialCredit, Assert.Single(rest.Items).TrialCredit);
    }

    [Fact]
    public async Task Members_read_the_dotted_keys_into_typed_properties_page_by_page()
    {
        var email = $"rina.{Guid.NewGuid():N}@example.com";
        var registered = State.Store.RegisterMember(Product, EmulatorOptions.SecondMembershipTierId, "Rina", email, "0819", 3, 0)!;

        var members = await ReadAllMembersAsync(new GetMemberRequest { ProductId = Product }, pageSize: 1);

        Assert.Equal(new[] { registered.MemberId, EmulatorOptions.SampleMemberId, EmulatorOptions.InactiveSampleMemberId }, members.Select(m => m.MemberId));
        var rina = members[0];
        Assert.Equal(
            (Product, EmulatorOptions.SecondMembershipTierId, EmulatorOptions.SecondMembershipTierName, registered.CustomerId, "Rina", email, "0819", "active"),
            (rina.ProductId, rina.MembershipTierId, rina.MembershipTierName, rina.CustomerId, rina.Name, rina.Email, rina.Mobile, rina.Status));
        Assert.NotNull(rina.NextPayment);
        Assert.NotNull(rina.RecordId);
        Assert.Equal(3, Log.Count);
    }

    [Fact]
    public async Task Members_filter_by_status()
    {
        var page = await Client().SendAsync(new GetMembersPageOperation(new GetMemberRequest { ProductId = Product, Status = "INACTIVE" }));

        Assert.Equal(EmulatorOptions.InactiveSampleMemberId, Assert.Single(page.Items).MemberId);
        Assert.Equal($"?productId={Product}&status=inactive&limit=10", OnlyRequest().Query);
    }

    [Fact]
    public async Task One_member_by_id_reads_the_nested_detail_into_the_same_type()
    {
        var member = await Client().SendAsync(new GetMemberOperation(new GetMemberRequest { ProductId = Product, MemberId = EmulatorOptions.SampleMemberId.ToLowerInvariant() }));

        Assert.Equal((EmulatorOptions.SampleMemberId, Product, EmulatorOptions.MembershipTierId, EmulatorOptions.MembershipTierName, EmulatorOptions.SampleMemberCustomerId), (member.MemberId, member.ProductId, member.MembershipTierId, member.MembershipTierName, member.CustomerId));
        Assert.NotNull(member.Email);
        Assert.Equal(false, member.IsInTrial);
        Assert.Equal(MayarRoutes.MembershipMember.Replace("{memberId}", EmulatorOptions.SampleMemberId, StringComparison.Ordinal), OnlyRequest().Path);
    }

    [Fact]
    public async Task A_member_id_the_product_has_not_is_not_found()
    {
        var error = await FailsAsync(() => Client().SendAsync(new GetMemberOperation(new GetMemberRequest { ProductId = Product, MemberId = "ZZZZ9999" })));

        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
        Assert.Contains("Member dengan ID ZZZZ9999 tidak ditemukan.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_that_is_no_membership_product_is_not_found()
    {
        var error = await FailsAsync(() => Client().SendAsync(new GetMembershipTiersPageOperation(new GetMembershipTierRequest { ProductId = EmulatorOptions.SampleProductId })));

        Assert.Equal(MayarErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(null, null, null, "ProductId")]
    [InlineData("not-a-uuid", null, null, "ProductId")]
    [InlineData(Product, "SHORT", null, "MemberId")]
    [InlineData(Product, null, "paused", "Status")]
    public void Bad_input_names_its_property_and_sends_nothing(string? productId, string? memberId, string? status, string parameter)
    {
        var request = new GetMemberRequest { ProductId = productId, MemberId = memberId, Status = status };

        Assert.Equal(parameter, Assert.Throws<MayarArgumentException>(request.Validate).ParamName);
        Assert.Empty(Log);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("not-a-uuid")]
    public void A_tier_list_without_a_product_id_names_it(string? productId)
    {
        Assert.Equal("ProductId", Assert.Throws<MayarArgumentException>(new GetMembershipTierRequest { ProductId = productId }.Validate).ParamName);
    }

    private async Task<List<MayarMember>> ReadAllMembersAsync(GetMemberRequest request, int pageSize)
    {
        var all = new List<MayarMember>();
        MayarOperation<MayarPage<MayarMember>>? next = new GetMembersPageOperation(request, pageSize);
        while (next is not null)
        {
            var page = await Client().SendAsync(next);
            all.AddRange(page.Items);
            next = page.Next;
        }

        return all;
    }
}
