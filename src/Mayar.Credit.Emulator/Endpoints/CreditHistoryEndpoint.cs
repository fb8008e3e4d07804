using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// docs/api/mayar-api.md C5: a customer's credit history from the ledger, page by page, newest first unless asked otherwise.
/// Entries carry non-negative "credit" and "debit" as the V1 example does (a signed "amount" with the variant), times
/// as ISO strings, and the counters at the root (strings with the numbers-as-strings variant).
/// </summary>
internal static class CreditHistoryEndpoint
{
    public const string Path = MayarRoutes.CreditHistory;

    /// <summary>The largest page the emulator serves.</summary>
    public const int MaxLimit = 100;

    private static readonly string[] Types = { "TOPUP", "MERCHANT_TOPUP", "TRIAL_TOPUP", "EXPIRE_VOID", "CREDIT_USAGE" };
    private static readonly string[] Wallets = { "MAIN", "MEMBERSHIP", "ADD_ON" };

    public static void Map(WebApplication app, EmulatorState state) =>
        ApiRequest.Map(app, "GET", Path, state, request => History(request, state.Harness.History, state.Harness.Clock.Now));

    // `behaviour` is how the history misbehaves for tests (lag, a fixed order, ignored dates, small pages).
    private static ApiResult History(ApiRequest request, Harness.EmulatorHistoryBehaviour behaviour, DateTimeOffset now)
    {
        var customerId = request.Uuid("customerId", request.Context.GetRouteValue("customerId") as string);
        var productId = request.Uuid("productId", request.Query("productId"));
        var page = request.QueryWhole("page", 1, 1, int.MaxValue);
        var limit = request.QueryWhole("limit", 10, 1, MaxLimit);
        if (behaviour.MaxLimit > 0)
        {
            limit = Math.Min(limit, behaviour.MaxLimit);
        }

        var order = request.QueryOneOf("sortOrder", "desc", "asc", "desc");
        if (behaviour.Order is "asc" or "desc")
        {
            order = behaviour.Order;
        }

        var type = request.QueryOneOf("type", null, Types);
        var wallet = request.QueryOneOf("walletType", null, Wallets);
        var since = request.QueryTime("startDate");
        var until = request.QueryTime("endDate");
        if (request.Checked(productId) is { } error)
        {
            return error;
        }

        // A membership product's history (docs/api/mayar-api.md M5) names the tier; its first wallet is MEMBERSHIP.
        var tier = request.Query("membershipTierId") is { Length: > 0 } tierText ? tierText : null;
        var member = tier is null ? null : request.Store.FindMember(productId!, tier, null, customerId);
        if (member is null && request.Store.FindAccount(customerId!, productId!) is null)
        {
            return ApiError.CustomerNotFound;
        }

        var mainWallet = member is null ? "MAIN" : "MEMBERSHIP";
        var entries = request.Store.Ledger.For(customerId!, productId!)
            .Where(e => type is null || TypeName(e) == type)
            .Where(e => wallet is null || WalletName(e.Wallet, mainWallet) == wallet)
            .Where(e => behaviour.IgnoreDates || ((since is null || e.Time >= since) && (until is null || e.Time <= until)))
            .Where(e => behaviour.LagMs == 0 || e.Time <= now - TimeSpan.FromMilliseconds(behaviour.LagMs));
        var ordered = (order == "asc" ? entries.OrderBy(e => e.Sequence) : entries.OrderByDescending(e => e.Sequence)).ToList();
        var totalPages = (ordered.Count + limit - 1) / limit;
        var variants = request.Variants;
        var data = new JsonArray();
        foreach (var entry in ordered.Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit))
        {
            data.Add(Item(entry, variants, mainWallet, member?.MembershipTierId));
        }

        var body = new JsonObject
        {
            ["statusCode"] = 200,
            [Replies.SuccessKey(variants)] = "success",
            ["total"] = Replies.Number(variants, ordered.Count),
            ["page"] = Replies.Number(variants, page),
            ["limit"] = Replies.Number(variants, limit),
            ["totalPages"] = Replies.Number(variants, totalPages),
            ["data"] = data,
        };
        return ApiResult.Ok(200, body);
    }

    private static JsonObject Item(LedgerEntry entry, Harness.EmulatorVariants variants, string mainWallet, string? tierId)
    {
        var item = new JsonObject
        {
            ["id"] = entry.Sequence.ToString("x24", CultureInfo.InvariantCulture),
            ["createdAt"] = Replies.IsoTime(entry.Time),
        };
        if (variants.SignedHistoryAmounts)
        {
            item["amount"] = Replies.Number(variants, entry.Amount);
        }
        else
        {
            item["credit"] = Replies.Number(variants, Math.Max(entry.Amount, 0m));
            item["debit"] = Replies.Number(variants, Math.Max(-entry.Amount, 0m));
        }

        item["productId"] = entry.ProductId;
        item["status"] = "ACTIVE";
        item["customerId"] = entry.CustomerId;
        item["expiredAt"] = null;
        if (tierId is not null)
        {
            item["membershipTierId"] = tierId;
        }

        item["walletType"] = WalletName(entry.Wallet, mainWallet);
        item["type"] = TypeName(entry);
        return item;
    }

    // The ledger's reasons under the names the documents use.
    private static string TypeName(LedgerEntry entry) => entry.Type switch
    {
        LedgerEntryType.RegistrationTrial => "TRIAL_TOPUP",
        LedgerEntryType.AddCredit => "MERCHANT_TOPUP",
        LedgerEntryType.Spend => "CREDIT_USAGE",
        _ => "TOPUP",
    };

    private static string WalletName(CreditWallet wallet, string mainWallet) => wallet == CreditWallet.Main ? mainWallet : "ADD_ON";
}
