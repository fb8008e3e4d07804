using System;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md K1: GET one cursor page of the customers (<see cref="CursorPageOperation{TItem}"/>); its
/// result carries the operation for the next page.
/// </summary>
public sealed class GetCustomersPageOperation : CursorPageOperation<MayarCustomerSummary>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.Customers);

    /// <summary>The first page, <paramref name="pageSize"/> (1 to <see cref="CursorPageOperation{TItem}.MaxPageSize"/>) customers at a time.</summary>
    public GetCustomersPageOperation(int pageSize = DefaultPageSize)
        : base(Declared, new MayarQuery(Declared.Route), pageSize)
    {
    }

    internal override MayarPage<MayarCustomerSummary> Read(MayarPayload payload) =>
        ReadPage(payload, MayarJsonContext.Wire.CustomersPagePayload, customer => ToSummary(customer, payload));

    internal static MayarCustomerSummary ToSummary(WireCustomer customer, MayarPayload payload) => new()
    {
        CustomerId = MayarPayload.FirstNonBlank(customer.Id, customer.CustomerId) ?? throw payload.Invalid("A customer has no id"),
        Email = MayarPayload.FirstNonBlank(customer.Email),
        Name = MayarPayload.FirstNonBlank(customer.Name),
        Mobile = MayarPayload.FirstNonBlank(customer.Mobile),
        Status = MayarPayload.FirstNonBlank(customer.Status),
        CreatedAt = customer.CreatedAt,
        UpdatedAt = customer.UpdatedAt,
        UserId = MayarPayload.FirstNonBlank(customer.UserId),
    };

    /// <summary>One customer as K1 and K2 send it; times as epoch milliseconds (numbers or strings) or ISO strings.</summary>
    internal class WireCustomer
    {
        public string? Id { get; set; }

        public string? CustomerId { get; set; }

        public string? Email { get; set; }

        public string? Name { get; set; }

        public string? Mobile { get; set; }

        public string? Status { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }

        public string? UserId { get; set; }
    }
}
