using System.Globalization;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>What Add-MayarCredit and Use-MayarCredit share: the request from their parameters and its -WhatIf text.</summary>
internal static class CreditMovementInput
{
    // An empty CSV cell means "not given".
    public static CreditMovementRequest Request(string customerId, string productId, decimal amount, string? membershipTierId, string? memberId) => new()
    {
        CustomerId = customerId,
        ProductId = productId,
        Amount = amount,
        MembershipTierId = string.IsNullOrWhiteSpace(membershipTierId) ? null : membershipTierId,
        MemberId = string.IsNullOrWhiteSpace(memberId) ? null : memberId,
    };

    public static string Describe(CreditMovementRequest request) =>
        string.Format(CultureInfo.InvariantCulture, "{0} credit, customer {1} in product {2}", request.Amount, request.CustomerId, request.ProductId);
}
