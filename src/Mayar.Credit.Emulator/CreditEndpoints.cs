using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator;

/// <summary>The credit-usage endpoints at the seed paths, plus add-credit and spend so balances can change.</summary>
internal static class CreditEndpoints
{
    public const string RegisterPath = "/credit/v1/credit/credit-usage/customer/regist";
    public const string BalancePath = "/credit/v1/credit/customer/balance";
    public const string AddCreditPath = "/credit/v1/credit/customer/add-credit";
    public const string SpendPath = "/credit/v1/credit/customer/spend";

    public const string NotYourProduct = "You are not authorized to edit this product!";
    public const string AlreadyRegistered = "Email sudah terdaftar pada product ini.";
    public const string Insufficient = "Cannot spend customer credit. Insufficient customer credit";

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost(RegisterPath, context => Register(context, state));
        app.MapGet(BalancePath, context => Balance(context, state));
        app.MapPost(AddCreditPath, context => AddCredit(context, state));
        app.MapPost(SpendPath, context => Spend(context, state));
    }

    private static Task Register(HttpContext context, EmulatorState state)
    {
        var variants = state.Variants;
        var body = RequestJson.ReadObject(context);
        var problems = new List<ValidationProblem>();
        if (body is null)
        {
            problems.Add(new ValidationProblem("body", "The request body must be a JSON object."));
            return Replies.Validation(context, variants, problems);
        }

        var productId = RequestJson.String(body, "productId");
        if (string.IsNullOrWhiteSpace(productId))
        {
            problems.Add(new ValidationProblem("productId", "The 'productId' field is required."));
        }
        else if (!RequestJson.IsUuid(productId))
        {
            problems.Add(new ValidationProblem("productId", "The 'productId' field must be a valid UUID.", "uuid"));
        }

        if (!RequestJson.TryWhole(body, "trialCredit", out var trial) || trial < 0)
        {
            problems.Add(new ValidationProblem("trialCredit", "The 'trialCredit' field must be a non-negative integer.", "number"));
        }

        var info = body["customerInfo"] as JsonObject;
        if (info is null)
        {
            problems.Add(new ValidationProblem("customerInfo", "The 'customerInfo' field is required.", "object"));
        }

        var name = RequestJson.String(info, "name");
        var email = RequestJson.String(info, "email");
        var mobile = RequestJson.String(info, "mobile");
        if (info is not null)
        {
            foreach (var (field, value) in new[] { ("name", name), ("email", email), ("mobile", mobile) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add(new ValidationProblem("customerInfo." + field, $"The '{field}' field is required."));
                }
            }

            if (!string.IsNullOrWhiteSpace(email) && !RequestJson.LooksLikeEmail(email))
            {
                problems.Add(new ValidationProblem("customerInfo.email", "The 'email' field must be a valid e-mail.", "email"));
            }
        }

        if (problems.Count > 0)
        {
            return Replies.Validation(context, variants, problems);
        }

        var product = RequestJson.CanonicalUuid(productId!);
        if (!state.HasProduct(product))
        {
            return Replies.Error(context, variants, 400, NotYourProduct);
        }

        var account = state.Register(product, name!.Trim(), email!.Trim(), mobile!.Trim(), trial ?? 0m);
        if (account is null)
        {
            return Replies.Error(context, variants, 400, AlreadyRegistered);
        }

        var wrapped = variants.Wrapper != "root";
        var fields = wrapped
            ? new JsonObject { ["customerId"] = account.CustomerId, ["paymentLinkId"] = account.ProductId }
            : new JsonObject { ["customerId"] = account.CustomerId, ["paymentLink"] = new JsonObject { ["id"] = account.ProductId } };
        return Replies.Success(context, variants, 200, fields, seedWrapsInData: true);
    }

    private static Task Balance(HttpContext context, EmulatorState state)
    {
        var variants = state.Variants;
        var customerId = context.Request.Query["customerId"].ToString();
        var productId = context.Request.Query["productId"].ToString();
        var problems = new List<ValidationProblem>();
        CheckId(problems, "customerId", customerId);
        CheckId(problems, "productId", productId);
        if (problems.Count > 0)
        {
            return Replies.Validation(context, variants, problems);
        }

        var product = RequestJson.CanonicalUuid(productId);
        if (!state.HasProduct(product))
        {
            return Replies.Error(context, variants, 400, NotYourProduct);
        }

        var account = state.FindAccount(RequestJson.CanonicalUuid(customerId), product);
        if (account is null)
        {
            return Replies.Error(context, variants, 404, "Customer not found", "messages");
        }

        var fields = new JsonObject
        {
            ["customerBalance"] = Replies.Number(variants, account.Total),
            [variants.BalanceMainField] = Replies.Number(variants, account.Main),
            ["customerBalanceAddon"] = Replies.Number(variants, account.AddOn),
        };
        return Replies.Success(context, variants, 200, fields, seedWrapsInData: false);
    }

    private static Task AddCredit(HttpContext context, EmulatorState state)
    {
        var variants = state.Variants;
        if (!TryReadAmountRequest(context, variants, out var customerId, out var productId, out var amount, out var reply))
        {
            return reply!;
        }

        if (!state.HasProduct(productId))
        {
            return Replies.Error(context, variants, 400, NotYourProduct);
        }

        var account = state.AddCredit(customerId, productId, amount, "ADD_ON");
        if (account is null)
        {
            return Replies.Error(context, variants, 404, "Customer not found", "messages");
        }

        var fields = new JsonObject
        {
            ["customerId"] = account.CustomerId,
            ["productId"] = account.ProductId,
            ["amount"] = Replies.Number(variants, amount),
            ["customerBalance"] = Replies.Number(variants, account.Total),
        };
        return Replies.Success(context, variants, 200, fields, seedWrapsInData: true);
    }

    private static Task Spend(HttpContext context, EmulatorState state)
    {
        var variants = state.Variants;
        if (!TryReadAmountRequest(context, variants, out var customerId, out var productId, out var amount, out var reply))
        {
            return reply!;
        }

        if (!state.HasProduct(productId))
        {
            return Replies.Error(context, variants, 400, NotYourProduct);
        }

        var (_, fromMain, fromAddOn, error) = state.Spend(customerId, productId, amount);
        if (error == "not found")
        {
            return Replies.Error(context, variants, 404, "Customer not found", "messages");
        }

        if (error == "insufficient")
        {
            return Replies.Error(context, variants, 400, Insufficient);
        }

        var message = string.Format(CultureInfo.InvariantCulture, "Successfully spent {0}. MAIN: {1}, ADD_ON: {2}", amount, fromMain, fromAddOn);
        var body = new JsonObject { ["statusCode"] = 200, [Replies.SuccessKey(variants)] = message };
        return Replies.Write(context, 200, body);
    }

    private static bool TryReadAmountRequest(HttpContext context, EmulatorVariants variants, out string customerId, out string productId, out decimal amount, out Task? reply)
    {
        customerId = productId = string.Empty;
        amount = 0;
        var body = RequestJson.ReadObject(context);
        var problems = new List<ValidationProblem>();
        CheckId(problems, "customerId", RequestJson.String(body, "customerId"));
        CheckId(problems, "productId", RequestJson.String(body, "productId"));
        if (!RequestJson.TryWhole(body, "amount", out var value) || value is null || value < 1)
        {
            problems.Add(new ValidationProblem("amount", "The 'amount' field must be a positive integer.", "number"));
        }

        if (problems.Count > 0)
        {
            reply = Replies.Validation(context, variants, problems);
            return false;
        }

        customerId = RequestJson.CanonicalUuid(RequestJson.String(body, "customerId")!);
        productId = RequestJson.CanonicalUuid(RequestJson.String(body, "productId")!);
        amount = value!.Value;
        reply = null;
        return true;
    }

    private static void CheckId(List<ValidationProblem> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new ValidationProblem(field, $"The '{field}' field is required."));
        }
        else if (!RequestJson.IsUuid(value))
        {
            problems.Add(new ValidationProblem(field, $"The '{field}' field must be a valid UUID.", "uuid"));
        }
    }
}
