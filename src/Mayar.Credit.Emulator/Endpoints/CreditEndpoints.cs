using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator.Domain;
using Microsoft.AspNetCore.Builder;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>The credit-usage endpoints at the seed paths, plus add-credit and spend so balances can change.</summary>
internal static class CreditEndpoints
{
    public const string RegisterPath = MayarRoutes.RegisterCreditCustomer;
    public const string MembershipRegisterPath = MayarRoutes.RegisterMembershipCustomer;
    public const string BalancePath = MayarRoutes.CreditBalance;
    public const string AddCreditPath = MayarRoutes.AddCredit;
    public const string SpendPath = MayarRoutes.SpendCredit;

    public static void Map(WebApplication app, EmulatorState state)
    {
        ApiRequest.Map(app, "POST", RegisterPath, state, Register);
        ApiRequest.Map(app, "POST", MembershipRegisterPath, state, RegisterMember);
        ApiRequest.Map(app, "GET", BalancePath, state, Balance);
        ApiRequest.Map(app, "POST", AddCreditPath, state, AddCredit);
        ApiRequest.Map(app, "POST", SpendPath, state, Spend);
    }

    private static ApiResult Register(ApiRequest request)
    {
        if (request.ObjectBody(out var body) is { } notAnObject)
        {
            return notAnObject;
        }

        var productId = request.Uuid("productId", RequestJson.String(body, "productId"));
        var trial = request.NonNegativeWhole("trialCredit");
        var (name, email, mobile) = request.CustomerInfo();
        if (request.Checked(productId) is { } error)
        {
            return error;
        }

        var account = request.Store.Register(productId!, name!, email!, mobile!, trial ?? 0m);
        if (account is null)
        {
            return ApiError.AlreadyRegistered;
        }

        var fields = request.Variants.Wrapper != "root"
            ? new JsonObject { ["customerId"] = account.CustomerId, ["paymentLinkId"] = account.ProductId }
            : new JsonObject { ["customerId"] = account.CustomerId, ["paymentLink"] = new JsonObject { ["id"] = account.ProductId } };
        return Replies.Success(request.Variants, 200, fields, seedWrapsInData: true);
    }

    // M1: a customer into a membership tier; the V2 form of the reply under the data wrapper, M1's root form otherwise.
    private static ApiResult RegisterMember(ApiRequest request)
    {
        if (request.ObjectBody(out var body) is { } notAnObject)
        {
            return notAnObject;
        }

        var productId = request.Uuid("productId", RequestJson.String(body, "productId"));
        var tierId = request.Uuid("membershipTierId", RequestJson.String(body, "membershipTierId"));
        var period = request.PositiveWhole("membershipMonthlyPeriod");
        if (period is not null && period.Value is not (1m or 3m or 6m or 12m))
        {
            request.Problem("membershipMonthlyPeriod", "The 'membershipMonthlyPeriod' field must be one of 1, 3, 6, 12.", "enum");
        }

        var trial = request.NonNegativeWhole("trialCredit");
        var (name, email, mobile) = request.CustomerInfo();
        if (request.Checked() is { } invalid)
        {
            return invalid;
        }

        var product = request.Store.FindMembershipProduct(productId!);
        if (product?.Tier(tierId!) is null)
        {
            return ApiError.NotYourProduct;
        }

        var member = request.Store.RegisterMember(productId!, tierId!, name!, email!, mobile!, (int)period!.Value, trial ?? 0m);
        if (member is null)
        {
            return ApiError.AlreadyMemberOfTier;
        }

        var link = "https://emulator.mayar.test/membership/" + member.MemberId;
        var record = new JsonObject
        {
            ["id"] = member.RecordId,
            ["memberId"] = member.MemberId,
            ["customerId"] = member.CustomerId,
            ["paymentLinkId"] = member.ProductId,
            ["membershipTierId"] = member.MembershipTierId,
            ["status"] = "ACTIVE",
            ["monthlyPaymentPeriod"] = member.MonthlyPeriod,
            ["isInTrial"] = trial > 0,
            ["createdAt"] = member.CreatedAtMs,
            ["nextPayment"] = member.NextPaymentMs,
            ["isLifetimePeriod"] = false,
        };
        var fields = new JsonObject { ["membershipCustomer"] = record, ["paymentLinkUrl"] = link };
        return Replies.Success(request.Variants, 200, fields, seedWrapsInData: true);
    }

    private static ApiResult Balance(ApiRequest request)
    {
        var memberQuery = request.Query("memberId");
        var tierQuery = request.Query("membershipTierId");
        if (!string.IsNullOrWhiteSpace(memberQuery) || !string.IsNullOrWhiteSpace(tierQuery))
        {
            return MemberBalance(request, memberQuery, tierQuery);
        }

        var customerId = request.Uuid("customerId", request.Query("customerId"));
        var productId = request.Uuid("productId", request.Query("productId"));
        if (request.Checked(productId) is { } error)
        {
            return error;
        }

        var account = request.Store.FindAccount(customerId!, productId!);
        if (account is null)
        {
            return ApiError.CustomerNotFound;
        }

        var variants = request.Variants;
        var fields = new JsonObject
        {
            ["customerBalance"] = Replies.Number(variants, account.Total),
            [variants.BalanceMainField] = Replies.Number(variants, account.Main),
            ["customerBalanceAddon"] = Replies.Number(variants, account.AddOn),
        };
        return Replies.Success(variants, 200, fields, seedWrapsInData: false);
    }

    // M2: a membership balance by productId + membershipTierId + (memberId or customerId); MEMBERSHIP is the main wallet.
    private static ApiResult MemberBalance(ApiRequest request, string memberQuery, string tierQuery)
    {
        var productId = request.Uuid("productId", request.Query("productId"));
        var tierId = request.Uuid("membershipTierId", tierQuery);
        var customerQuery = request.Query("customerId");
        string? customerId = null;
        string? memberId = null;
        if (string.IsNullOrWhiteSpace(memberQuery))
        {
            customerId = request.Uuid("customerId", customerQuery);
        }
        else
        {
            memberId = memberQuery.Trim();
            if (!string.IsNullOrWhiteSpace(customerQuery))
            {
                customerId = request.Uuid("customerId", customerQuery);
            }
        }

        if (request.Checked(productId) is { } error)
        {
            return error;
        }

        var member = request.Store.FindMember(productId!, tierId, memberId, customerId);
        if (member is null)
        {
            return ApiError.CustomerNotFound;
        }

        var variants = request.Variants;
        var fields = new JsonObject
        {
            ["customerBalance"] = Replies.Number(variants, member.Total),
            ["customerBalanceMembership"] = Replies.Number(variants, member.Main),
            ["customerBalanceAddon"] = Replies.Number(variants, member.AddOn),
        };
        if (variants.Wrapper != "seed")
        {
            // The data-wrapped revision spreads the member record beside the balances.
            fields["customerId"] = member.CustomerId;
            fields["memberId"] = member.MemberId;
            fields["membershipTierId"] = member.MembershipTierId;
            fields["productId"] = member.ProductId;
        }

        return Replies.Success(variants, 200, fields, seedWrapsInData: false);
    }

    private static ApiResult AddCredit(ApiRequest request)
    {
        if (request.AmountInput(out var input) is { } error)
        {
            return error;
        }

        var account = request.Store.AddCredit(input.CustomerId, input.ProductId, input.Amount, CreditWallet.AddOn, LedgerEntryType.AddCredit, input.MembershipTierId, input.MemberId);
        if (account is null)
        {
            return ApiError.CustomerNotFound;
        }

        var variants = request.Variants;
        var fields = new JsonObject
        {
            ["customerId"] = account.CustomerId,
            ["productId"] = account.ProductId,
            ["amount"] = Replies.Number(variants, input.Amount),
            ["customerBalance"] = Replies.Number(variants, account.Total),
        };
        return Replies.Success(variants, 200, fields, seedWrapsInData: true);
    }

    private static ApiResult Spend(ApiRequest request)
    {
        if (request.AmountInput(out var input) is { } error)
        {
            return error;
        }

        var spent = request.Store.Spend(input.CustomerId, input.ProductId, input.Amount, input.MembershipTierId, input.MemberId);
        switch (spent.Status)
        {
            case SpendStatus.NoAccount:
                return ApiError.CustomerNotFound;
            case SpendStatus.Insufficient:
                return ApiError.Insufficient;
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Successfully spent {0}. {1}: {2}, ADD_ON: {3}", input.Amount, spent.MainWallet, spent.FromMain, spent.FromAddOn);
        return ApiResult.Ok(200, new JsonObject { ["statusCode"] = 200, [Replies.SuccessKey(request.Variants)] = message });
    }
}
