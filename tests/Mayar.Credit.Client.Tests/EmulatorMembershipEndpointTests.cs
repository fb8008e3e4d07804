using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The emulator's §12 membership lists over raw loopback HTTP: GET /hl/v2/memberships/tiers and
/// /hl/v2/memberships/members of the sample membership product, their documented rows, cursor pages, filters and errors.
/// </summary>
public sealed class EmulatorMembershipEndpointTests : EmulatorTest
{
    private const string Product = EmulatorOptions.MembershipProductId;

    // The documented tier row (api-reference-v2/membership/tiers), and the periods the emulator adds.
    private static readonly string[] TierKeys =
    {
        "id", "createdAt", "description", "finishMembershipAt", "gracePeriodInDays", "isSoldOut", "isTrialAvailable", "limit", "name", "notes",
        "paymentAtStart", "paymentLinkId", "position", "redirectUrl", "status", "trialCredit", "trialPeriodInDays", "updatedAt", "upfrontFee", "userId", "periods",
    };

    // The documented member row (api-reference-v2/membership/members), dotted keys and all.
    private static readonly string[] MemberKeys =
    {
        "id", "createdAt", "customerId", "membershipTierId", "nextPayment", "status", "updatedAt", "userId", "memberId",
        "membershipTier.name", "membershipTier.gracePeriodInDays", "customer.name", "customer.mobile", "customer.email",
    };

    public EmulatorMembershipEndpointTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_sample_products_tiers_come_newest_first_with_names_periods_and_trial_credit()
    {
        var (status, body) = await RawJsonAsync(Tiers());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((200, "success", false), ((int)body["statusCode"]!, (string)body["messages"]!, (bool)body["hasMore"]!));
        Assert.Null(body["nextStartingAfter"]);
        var tiers = Rows(body);
        Assert.All(tiers, t => Assert.Equal(TierKeys, t.Select(p => p.Key)));
        Assert.Equal(
            new[] { EmulatorOptions.ThirdMembershipTierId, EmulatorOptions.SecondMembershipTierId, EmulatorOptions.MembershipTierId },
            tiers.Select(t => (string)t["id"]!));
        Assert.Equal(
            new[] { EmulatorOptions.ThirdMembershipTierName, EmulatorOptions.SecondMembershipTierName, EmulatorOptions.MembershipTierName },
            tiers.Select(t => (string)t["name"]!));
        Assert.Equal(new decimal?[] { null, EmulatorOptions.SecondMembershipTierTrialCredit, EmulatorOptions.MembershipTierTrialCredit }, tiers.Select(t => (decimal?)t["trialCredit"]));
        Assert.Equal(new[] { false, true, true }, tiers.Select(t => (bool)t["isTrialAvailable"]!));
        Assert.Equal("""[{"monthPeriod":1,"amount":150000,"credit":5000},{"monthPeriod":12,"amount":1500000,"credit":60000}]""", tiers[1]["periods"]!.ToJsonString());
        Assert.Equal("""[{"monthPeriod":1,"amount":50000,"credit":1000}]""", tiers[2]["periods"]!.ToJsonString());
        Assert.All(tiers, t => Assert.Equal((Product, "ACTIVE", V2MerchantUserId), ((string)t["paymentLinkId"]!, (string)t["status"]!, (string)t["userId"]!)));
        Assert.Equal("2026-01-10T08:00:00.000Z", (string)tiers[2]["createdAt"]!);
    }

    [Fact]
    public async Task Tiers_page_by_the_cursor_of_the_last_rows_creation_time()
    {
        var (_, first) = await RawJsonAsync(Tiers("&limit=2"));
        var cursor = (string)first["nextStartingAfter"]!;
        var (_, second) = await RawJsonAsync(Tiers("&limit=2&startingAfter=" + cursor));

        Assert.True((bool)first["hasMore"]!);
        Assert.Equal(2, Rows(first).Count);
        Assert.Equal(Millis((string)Rows(first)[1]["createdAt"]!), long.Parse(cursor, CultureInfo.InvariantCulture));
        Assert.Equal(EmulatorOptions.MembershipTierId, (string)Assert.Single(Rows(second))["id"]!);
        Assert.False((bool)second["hasMore"]!);
        Assert.Null(second["nextStartingAfter"]);
    }

    [Theory]
    [InlineData(MayarRoutes.MembershipTiers)]
    [InlineData(MayarRoutes.MembershipMembers)]
    public async Task A_missing_or_malformed_query_is_invalid_query_parameters(string path)
    {
        foreach (var (query, field) in new[] { ("", "productId"), ("?productId=not-a-uuid", "productId"), ($"?productId={Product}&limit=51", "limit"), ($"?productId={Product}&limit=0", "limit"), ($"?productId={Product}&startingAfter=abc", "startingAfter") })
        {
            var (status, body) = await RawJsonAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal((400, "Invalid query parameters"), ((int)body["statusCode"]!, (string)body["messages"]!));
            Assert.Equal(field, (string)Assert.Single(body["data"]!.AsArray())!["field"]!);
        }
    }

    [Theory]
    [InlineData(MayarRoutes.MembershipTiers, "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e")] // no product of the key's
    [InlineData(MayarRoutes.MembershipMembers, "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e")]
    [InlineData(MayarRoutes.MembershipTiers, EmulatorOptions.SampleProductId)] // a credit product, not a membership one
    [InlineData(MayarRoutes.MembershipMembers, EmulatorOptions.SampleProductId)]
    public async Task A_product_that_is_no_membership_product_of_the_keys_is_a_404(string path, string productId)
    {
        var (status, body) = await RawJsonAsync($"{path}?productId={productId}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"statusCode":404,"messages":"Product not found"}""", body.ToJsonString());
    }

    [Fact]
    public async Task The_sample_members_come_newest_first_as_the_documented_flattened_rows()
    {
        var (status, body) = await RawJsonAsync(Members());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((200, "success", false), ((int)body["statusCode"]!, (string)body["messages"]!, (bool)body["hasMore"]!));
        var members = Rows(body);
        Assert.All(members, m => Assert.Equal(MemberKeys, m.Select(p => p.Key)));
        var (jane, budi) = (members[0], members[1]);
        Assert.Equal(
            (EmulatorOptions.SampleMemberId, EmulatorOptions.SampleMemberCustomerId, EmulatorOptions.MembershipTierId, "active", EmulatorOptions.MembershipTierName),
            ((string)jane["memberId"]!, (string)jane["customerId"]!, (string)jane["membershipTierId"]!, (string)jane["status"]!, (string)jane["membershipTier.name"]!));
        Assert.Equal(("jane member", "08123456789", "janemember.sample@example.com", "0"), ((string)jane["customer.name"]!, (string)jane["customer.mobile"]!, (string)jane["customer.email"]!, (string)jane["membershipTier.gracePeriodInDays"]!));
        Assert.Equal(("2026-01-15T00:00:00.000Z", "2026-02-15T00:00:00.000Z"), ((string)jane["createdAt"]!, (string)jane["nextPayment"]!));
        Assert.True(Guid.TryParse((string)jane["id"]!, out _));
        Assert.Equal(
            (EmulatorOptions.InactiveSampleMemberId, EmulatorOptions.InactiveSampleMemberCustomerId, "inactive", EmulatorOptions.SecondMembershipTierName),
            ((string)budi["memberId"]!, (string)budi["customerId"]!, (string)budi["status"]!, (string)budi["membershipTier.name"]!));
    }

    [Fact]
    public async Task A_registered_member_is_listed_first_with_its_customers_current_email()
    {
        var email = $"rina.{Guid.NewGuid():N}@example.com";
        var member = State.Store.RegisterMember(Product, EmulatorOptions.ThirdMembershipTierId, "Rina", email, "0819", 3, 0)!;
        var moved = $"rina.moved.{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.OK, (await RawJsonAsync(MayarRoutes.UpdateCustomer, new JsonObject { ["fromEmail"] = email, ["toEmail"] = moved }.ToJsonString())).Status);

        var first = Rows((await RawJsonAsync(Members())).Body)[0];

        Assert.Equal((member.MemberId, member.RecordId, EmulatorOptions.ThirdMembershipTierName), ((string)first["memberId"]!, (string)first["id"]!, (string)first["membershipTier.name"]!));
        Assert.Equal((moved, "Rina", "active"), ((string)first["customer.email"]!, (string)first["customer.name"]!, (string)first["status"]!));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(member.CreatedAtMs).AddMonths(3), DateTimeOffset.Parse((string)first["nextPayment"]!, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("&memberId=" + EmulatorOptions.InactiveSampleMemberId, EmulatorOptions.InactiveSampleMemberId)]
    [InlineData("&memberId=3scdi9zq", EmulatorOptions.SampleMemberId)]
    [InlineData("&memberId=NOSUCHID", "")]
    [InlineData("&status=active", EmulatorOptions.SampleMemberId)]
    [InlineData("&status=INACTIVE", EmulatorOptions.InactiveSampleMemberId)]
    [InlineData("&status=finished", "")]
    [InlineData("&status=active&memberId=" + EmulatorOptions.InactiveSampleMemberId, "")]
    [InlineData("&searchTerm=LAPSED", EmulatorOptions.InactiveSampleMemberId)]
    [InlineData("&searchTerm=janemember.sample", EmulatorOptions.SampleMemberId)]
    public async Task The_member_id_status_and_search_filters_narrow_the_list(string filter, string memberIds)
    {
        var (status, body) = await RawJsonAsync(Members(filter));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(memberIds, string.Join(",", Rows(body).Select(m => (string)m["memberId"]!)));
        Assert.False((bool)body["hasMore"]!);
    }

    [Fact]
    public async Task A_status_none_of_the_documented_four_is_invalid_query_parameters()
    {
        var (status, body) = await RawJsonAsync(Members("&status=paused"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("Invalid query parameters", "status"), ((string)body["messages"]!, (string)body["data"]![0]!["field"]!));
    }

    [Fact]
    public async Task Members_page_by_the_cursor_each_once_newest_first()
    {
        var registered = Enumerable.Range(0, 3)
            .Select(i => State.Store.RegisterMember(Product, EmulatorOptions.MembershipTierId, $"Page {i}", $"page.{i}.{Guid.NewGuid():N}@example.com", "0819", 1, 0)!.MemberId!)
            .ToList();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (_, body) = await RawJsonAsync(Members("&limit=2" + (cursor is null ? string.Empty : "&startingAfter=" + cursor)));
            seen.AddRange(Rows(body).Select(m => (string)m["memberId"]!));
            cursor = (string?)body["nextStartingAfter"];
            Assert.Equal(cursor is not null, (bool)body["hasMore"]!);
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(registered.AsEnumerable().Reverse().Concat(new[] { EmulatorOptions.SampleMemberId, EmulatorOptions.InactiveSampleMemberId }), seen);
    }

    [Fact]
    public async Task The_numbers_variant_spells_the_tiers_numbers_as_strings()
    {
        Variants(v =>
        {
            v.NumbersAsStrings = true;
        });

        var (_, body) = await RawJsonAsync(Tiers());

        var basic = Rows(body)[2];
        Assert.Equal(("100", "50000", "1000"), ((string)basic["trialCredit"]!, (string)basic["periods"]![0]!["amount"]!, (string)basic["periods"]![0]!["credit"]!));
    }

    // V2CustomerEndpoints.MerchantUserId: the merchant every V2 row belongs to.
    private const string V2MerchantUserId = "3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c";

    private static string Tiers(string more = "") => $"{MayarRoutes.MembershipTiers}?productId={Product}{more}";

    private static string Members(string more = "") => $"{MayarRoutes.MembershipMembers}?productId={Product}{more}";

    private static List<JsonObject> Rows(JsonObject body) => body["data"]!.AsArray().Select(r => r!.AsObject()).ToList();

    private static long Millis(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
