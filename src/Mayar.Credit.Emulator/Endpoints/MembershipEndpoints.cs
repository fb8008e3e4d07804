using System;
using System.Linq;
using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// docs/api/mayar-api.md §12, the V2 membership lists of a membership product, cursor pages (<see cref="CursorPage"/>) with
/// ISO times: its tiers, and its members (from the membership registrations) with the customer's and the tier's
/// fields as the documented flattened dotted keys. A productId missing or malformed, or a bad limit, cursor or
/// filter, is "Invalid query parameters"; a product that is not a membership product of the key's is a 404.
/// </summary>
internal static class MembershipEndpoints
{
    public const string TiersPath = MayarRoutes.MembershipTiers;

    public const string MembersPath = MayarRoutes.MembershipMembers;

    public const string MemberPath = MayarRoutes.MembershipMember;

    /// <summary>The member statuses the documents name (the list's rows, and the update's "status").</summary>
    private static readonly string[] Statuses = { "active", "stopped", "inactive", "finished" };

    public static void Map(WebApplication app, EmulatorState state)
    {
        ApiRequest.Map(app, "GET", TiersPath, state, Tiers);
        ApiRequest.Map(app, "GET", MembersPath, state, Members);
        ApiRequest.Map(app, "GET", MemberPath, state, MemberDetail);
    }

    private static ApiResult Tiers(ApiRequest request)
    {
        var productId = request.Uuid("productId", request.Query("productId"));
        var cursor = CursorPage.Read(request);
        if (request.CheckedQuery() is { } invalid)
        {
            return invalid;
        }

        if (request.Store.FindMembershipProduct(productId!) is not { } product)
        {
            return ApiError.MembershipProductNotFound;
        }

        var newestFirst = product.Tiers.OrderByDescending(t => t.CreatedAt);
        return cursor.Reply(request.Variants, newestFirst, t => t.CreatedAt.ToUnixTimeMilliseconds(), t => Tier(product, t, request.Variants));
    }

    // The filters: memberId (the migration guide's form of one member), status (one of the documented four) and
    // searchTerm (in the customer's name or email). The other documented filters (startDate, endDate,
    // isChurnedMember) are accepted and ignored.
    private static ApiResult Members(ApiRequest request)
    {
        var productId = request.Uuid("productId", request.Query("productId"));
        var cursor = CursorPage.Read(request);
        var status = request.QueryOneOf("status", null, Statuses);
        var memberId = request.Query("memberId").Trim();
        var search = request.Query("searchTerm").Trim();
        if (request.CheckedQuery() is { } invalid)
        {
            return invalid;
        }

        if (request.Store.FindMembershipProduct(productId!) is not { } product)
        {
            return ApiError.MembershipProductNotFound;
        }

        var rows = request.Store.Accounts.Members(product.Id)
            .Where(m => memberId.Length == 0 || string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase))
            .Where(m => status is null || m.Status == status)
            .Select(m => (Member: m, Customer: CustomerOf(request.Store, m)))
            .Where(r => search.Length == 0 || r.Customer.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || r.Customer.Email.Contains(search, StringComparison.OrdinalIgnoreCase));
        return cursor.Reply(request.Variants, rows, r => r.Member.CreatedAtMs, r => Member(product, r.Member, r.Customer));
    }

    // One member, nested (customer, membershipTier, paymentLink.membershipInfo) where the list flattens. A member id
    // that is not 8 letters or digits is "Invalid path parameter"; one this product has not, the documented 404.
    private static ApiResult MemberDetail(ApiRequest request)
    {
        var memberId = (request.Context.GetRouteValue("memberId") as string ?? string.Empty).Trim();
        if (memberId.Length != 8 || !memberId.All(char.IsAsciiLetterOrDigit))
        {
            return ApiError.InvalidPath;
        }

        var productId = request.Uuid("productId", request.Query("productId"));
        if (request.CheckedQuery() is { } invalid)
        {
            return invalid;
        }

        if (request.Store.FindMembershipProduct(productId!) is not { } product)
        {
            return ApiError.MembershipProductNotFound;
        }

        if (request.Store.Accounts.Members(product.Id).FirstOrDefault(m => string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase)) is not { } member)
        {
            return ApiError.MemberNotFound(memberId);
        }

        var customer = CustomerOf(request.Store, member);
        var tier = product.Tier(member.MembershipTierId!);
        var row = Member(product, member, customer);
        foreach (var flattened in row.Where(p => p.Key.Contains('.')).Select(p => p.Key).ToList())
        {
            row.Remove(flattened);
        }

        row["customer"] = new JsonObject { ["id"] = member.CustomerId, ["name"] = customer.Name, ["email"] = customer.Email, ["mobile"] = customer.Mobile };
        row["membershipTier"] = tier is null ? null : new JsonObject { ["id"] = tier.Id, ["name"] = tier.Name, ["gracePeriodInDays"] = 0, ["trialCredit"] = tier.TrialCredit is { } trial ? Replies.Number(request.Variants, trial) : null };
        row["paymentLink"] = new JsonObject { ["id"] = product.Id, ["membershipInfo"] = new JsonObject { ["type"] = "CREDIT" } };
        row["isInTrial"] = false;
        row["isAlreadyUsedTrial"] = tier?.TrialCredit is not null;
        return ApiResult.Ok(200, new JsonObject { ["statusCode"] = 200, [Replies.V2MessageKey(request.Variants)] = "success", ["data"] = row });
    }

    // The member's customer as the V2 customers know it now (an email changed by K4 shows); a sample member is no
    // V2 customer, so its registration's fields.
    private static (string Name, string Mobile, string Email) CustomerOf(CreditStore store, CreditAccount member) =>
        store.V2Customers.FindById(member.CustomerId) is { } customer
            ? (customer.Name, customer.Mobile, customer.Email)
            : (member.Name, member.Mobile, member.Email);

    private static JsonObject Tier(MembershipProduct product, MembershipTier tier, EmulatorVariants variants)
    {
        var periods = new JsonArray();
        foreach (var period in tier.Periods)
        {
            periods.Add(new JsonObject
            {
                ["monthPeriod"] = period.MonthPeriod,
                ["amount"] = Replies.Number(variants, period.Amount),
                ["credit"] = Replies.Number(variants, period.Credit),
            });
        }

        var made = Replies.IsoTime(tier.CreatedAt);
        return new JsonObject
        {
            ["id"] = tier.Id,
            ["createdAt"] = made,
            ["description"] = $"<p>The {tier.Name} tier.</p>\n",
            ["finishMembershipAt"] = null,
            ["gracePeriodInDays"] = 0,
            ["isSoldOut"] = false,
            ["isTrialAvailable"] = tier.TrialCredit is not null,
            ["limit"] = null,
            ["name"] = tier.Name,
            ["notes"] = $"The {tier.Name} tier.",
            ["paymentAtStart"] = true,
            ["paymentLinkId"] = product.Id,
            ["position"] = null,
            ["redirectUrl"] = string.Empty,
            ["status"] = "ACTIVE",
            ["trialCredit"] = tier.TrialCredit is { } trial ? Replies.Number(variants, trial) : null,
            ["trialPeriodInDays"] = 0,
            ["updatedAt"] = made,
            ["upfrontFee"] = null,
            ["userId"] = V2CustomerEndpoints.MerchantUserId,
            // Not in the list's documented row: the payment periods, as the CLI's tiers/create sends them.
            ["periods"] = periods,
        };
    }

    private static JsonObject Member(MembershipProduct product, CreditAccount member, (string Name, string Mobile, string Email) customer)
    {
        var made = Replies.IsoTime(DateTimeOffset.FromUnixTimeMilliseconds(member.CreatedAtMs));
        return new JsonObject
        {
            ["id"] = member.RecordId,
            ["createdAt"] = made,
            ["customerId"] = member.CustomerId,
            ["membershipTierId"] = member.MembershipTierId,
            ["nextPayment"] = Replies.IsoTime(DateTimeOffset.FromUnixTimeMilliseconds(member.NextPaymentMs)),
            ["status"] = member.Status,
            ["updatedAt"] = made,
            ["userId"] = V2CustomerEndpoints.MerchantUserId,
            ["memberId"] = member.MemberId,
            ["membershipTier.name"] = product.Tier(member.MembershipTierId!)?.Name,
            ["membershipTier.gracePeriodInDays"] = "0", // a string in the documents' row
            ["customer.name"] = customer.Name,
            ["customer.mobile"] = customer.Mobile,
            ["customer.email"] = customer.Email,
        };
    }
}
