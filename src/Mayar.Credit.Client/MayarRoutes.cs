namespace Mayar.Credit.Client;

/// <summary>The one route table: every endpoint path the client calls, as in the seed documents.</summary>
public static class MayarRoutes
{
    /// <summary>docs/api/seeds/000-register-credit-customer.txt: register a customer into a credit-usage product.</summary>
    public const string RegisterCreditCustomer = "/credit/v1/credit/credit-usage/customer/regist";

    /// <summary>M1: register a customer into a membership tier.</summary>
    public const string RegisterMembershipCustomer = "/credit/v1/credit/membership/customer/regist";

    /// <summary>docs/api/mayar-api.md §12: a membership product's tiers, a cursor page at a time (query: productId, limit, startingAfter).</summary>
    public const string MembershipTiers = "/hl/v2/memberships/tiers";

    /// <summary>docs/api/mayar-api.md §12: a membership product's members, a cursor page at a time (query: productId, limit, startingAfter, memberId, status).</summary>
    public const string MembershipMembers = "/hl/v2/memberships/members";

    /// <summary>docs/api/mayar-api.md §12: one member of a membership product, nested (query: productId). The segment in braces is the member's id.</summary>
    public const string MembershipMember = "/hl/v2/memberships/members/{memberId}";

    /// <summary>docs/api/seeds/001-new-customer.txt: create a customer record.</summary>
    public const string CreateCustomer = "/api/v1/customers";

    /// <summary>docs/api/seeds/002-credit-balance.txt: read a customer's credit balance (query: customerId, productId).</summary>
    public const string CreditBalance = "/credit/v1/credit/customer/balance";

    /// <summary>docs/api/mayar-api.md C3: add credit to a customer's account (body: customerId, productId, amount).</summary>
    public const string AddCredit = "/credit/v1/credit/customer/add-credit";

    /// <summary>docs/api/mayar-api.md C4: spend a customer's credit (body: customerId, productId, amount).</summary>
    public const string SpendCredit = "/credit/v1/credit/customer/spend";

    /// <summary>
    /// docs/api/mayar-api.md C5: a customer's credit history, page by page (query: productId, page, limit, sortOrder, filters).
    /// The segment in braces is the customer's id.
    /// </summary>
    public const string CreditHistory = "/credit/v1/credit/customer/paginate-credit-history/{customerId}";

    /// <summary>docs/api/mayar-api.md C6: an immutable checkout link for a customer (body: productId, creditAmount, customerInfo).</summary>
    public const string CreditCheckout = "/credit/v1/credit/generate/immutable/checkout";

    /// <summary>docs/api/mayar-api.md K1: the V2 customers, a cursor page at a time (query: limit, startingAfter).</summary>
    public const string Customers = "/hl/v2/customers";

    /// <summary>docs/api/mayar-api.md K2: one V2 customer by email (query: email).</summary>
    public const string CustomerDetail = "/hl/v2/customers/detail";

    /// <summary>docs/api/mayar-api.md K4: change a V2 customer's email (body: fromEmail, toEmail).</summary>
    public const string UpdateCustomer = "/hl/v2/customers/update";
}
