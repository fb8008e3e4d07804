using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// mayar-api.md K1: GET one cursor page of the customers. Its result carries the operation for the next page, built
/// from the reply's opaque "nextStartingAfter" (passed back unchanged), so a caller reads only the pages it needs.
/// </summary>
public sealed class GetCustomersPageOperation : MayarOperation<MayarPage<MayarCustomerSummary>>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.Customers);

    /// <summary>The page size when none is asked for (the API's default).</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 50;

    private readonly int _pageSize;
    private readonly string? _startingAfter;

    /// <summary>The first page, <paramref name="pageSize"/> (1 to <see cref="MaxPageSize"/>) customers at a time.</summary>
    public GetCustomersPageOperation(int pageSize = DefaultPageSize)
    {
        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            throw new MayarArgumentException("PageSize", $"must be between 1 and {MaxPageSize}, not {pageSize}.");
        }

        _pageSize = pageSize;
    }

    private GetCustomersPageOperation(int pageSize, string startingAfter)
    {
        _pageSize = pageSize;
        _startingAfter = startingAfter;
    }

    /// <inheritdoc />
    public override MayarEndpoint Endpoint => Declared;

    /// <summary>The cursor this page starts after; null for the first page.</summary>
    public string? StartingAfter => _startingAfter;

    internal override string? Query => "limit=" + _pageSize.ToString(CultureInfo.InvariantCulture)
        + (_startingAfter is null ? string.Empty : "&startingAfter=" + Uri.EscapeDataString(_startingAfter));

    internal override MayarPage<MayarCustomerSummary> Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.CustomersPagePayload);
        if (reply.Data is null)
        {
            throw payload.Invalid("The response has no data list");
        }

        var items = new List<MayarCustomerSummary>(reply.Data.Count);
        foreach (var customer in reply.Data)
        {
            items.Add(ToSummary(customer, payload));
        }

        // The cursor is a string of milliseconds in the documents; a number is taken as its text.
        var cursor = reply.NextStartingAfter is { ValueKind: JsonValueKind.String } text ? text.GetString()
            : reply.NextStartingAfter is { ValueKind: JsonValueKind.Number } number ? number.GetRawText()
            : null;
        var next = reply.HasMore != false && !string.IsNullOrWhiteSpace(cursor) && items.Count > 0 && cursor != _startingAfter
            ? new GetCustomersPageOperation(_pageSize, cursor!)
            : null;
        return new MayarPage<MayarCustomerSummary>(items, null, next);
    }

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

    /// <summary>The reply: customers in "data", the cursor at the root.</summary>
    internal sealed class WirePayload
    {
        public List<WireCustomer>? Data { get; set; }

        public bool? HasMore { get; set; }

        public JsonElement? NextStartingAfter { get; set; }
    }

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
