using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md C5: GET one page of a customer's credit history. Its result carries the operation for the next page,
/// so a caller reads as many pages as it needs and no more.
/// </summary>
public sealed class GetCreditHistoryPageOperation : MayarOperation<MayarPage<CreditHistoryEntry>>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.CreditHistory);

    /// <summary>The page size when none is asked for (the API's default).</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The largest page asked for (the documents state no maximum; V2 lists stop at 50).</summary>
    public const int MaxPageSize = 50;

    private const string IsoTime = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly string _customerId;
    private readonly string _productId;
    private readonly string _filters;
    private readonly int _page;
    private readonly int _pageSize;

    /// <summary>
    /// The first page of <paramref name="query"/>'s entries, <paramref name="pageSize"/> (1 to <see cref="MaxPageSize"/>)
    /// at a time. Applies the input rules (throwing <see cref="MayarArgumentException"/>).
    /// </summary>
    public GetCreditHistoryPageOperation(GetCreditHistoryRequest query, int pageSize = DefaultPageSize)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            throw new MayarArgumentException("PageSize", $"must be between 1 and {MaxPageSize}, not {pageSize}.");
        }

        _customerId = MayarInputRules.Uuid(query.CustomerId, nameof(query.CustomerId));
        _productId = MayarInputRules.Uuid(query.ProductId, nameof(query.ProductId));
        var tier = query.MembershipTierId is null ? null : MayarInputRules.Uuid(query.MembershipTierId, nameof(query.MembershipTierId));
        var type = MayarInputRules.Optional(query.Type, nameof(query.Type), (v, p) => MayarInputRules.OneOf(v, p, GetCreditHistoryRequest.Types));
        var wallet = MayarInputRules.Optional(query.WalletType, nameof(query.WalletType), (v, p) => MayarInputRules.OneOf(v, p, GetCreditHistoryRequest.WalletTypes));
        MayarInputRules.TimeRange(query.Since, query.Until, nameof(query.Since), nameof(query.Until));

        var filters = new StringBuilder("productId=").Append(Uri.EscapeDataString(_productId));
        Append(filters, "membershipTierId", tier);
        Append(filters, "type", type);
        Append(filters, "walletType", wallet);
        Append(filters, "startDate", query.Since?.UtcDateTime.ToString(IsoTime, CultureInfo.InvariantCulture));
        Append(filters, "endDate", query.Until?.UtcDateTime.ToString(IsoTime, CultureInfo.InvariantCulture));
        Append(filters, "sortOrder", query.Ascending ? "asc" : "desc");
        _filters = filters.ToString();
        _page = 1;
        _pageSize = pageSize;
    }

    private GetCreditHistoryPageOperation(GetCreditHistoryPageOperation previous)
    {
        _customerId = previous._customerId;
        _productId = previous._productId;
        _filters = previous._filters;
        _page = previous._page + 1;
        _pageSize = previous._pageSize;
    }

    /// <inheritdoc />
    public override MayarEndpoint Endpoint => Declared;

    /// <summary>Which page this reads (1 for the first).</summary>
    public int Page => _page;

    internal override string Path => Route.Replace("{customerId}", Uri.EscapeDataString(_customerId));

    internal override string? Query => _filters + "&page=" + _page.ToString(CultureInfo.InvariantCulture) + "&limit=" + _pageSize.ToString(CultureInfo.InvariantCulture);

    internal override MayarPage<CreditHistoryEntry> Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.CreditHistoryPayload);
        if (reply.Data is null)
        {
            throw payload.Invalid("The response has no data list");
        }

        var items = new List<CreditHistoryEntry>(reply.Data.Count);
        foreach (var entry in reply.Data)
        {
            items.Add(new CreditHistoryEntry
            {
                Id = MayarPayload.FirstNonBlank(entry.Id),
                CreatedAt = entry.CreatedAt ?? entry.Datetime,
                Type = MayarPayload.FirstNonBlank(entry.Type),
                WalletType = MayarPayload.FirstNonBlank(entry.WalletType),
                // One signed amount whichever shape came: a signed "amount", or non-negative "credit" and "debit".
                Amount = entry.Amount ?? (entry.Credit ?? 0m) - (entry.Debit ?? 0m),
                CustomerId = MayarPayload.FirstNonBlank(entry.CustomerId) ?? _customerId,
                ProductId = MayarPayload.FirstNonBlank(entry.ProductId) ?? _productId,
                MembershipTierId = MayarPayload.FirstNonBlank(entry.MembershipTierId),
                Status = MayarPayload.FirstNonBlank(entry.Status),
                ExpiredAt = entry.ExpiredAt,
                ReferenceId = MayarPayload.FirstNonBlank(entry.ReferenceId),
            });
        }

        // V1 puts the counters at the root (as numbers or strings); the V2 copy puts them in "metadata".
        var total = reply.Total ?? reply.Metadata?.TotalData;
        var totalPages = reply.TotalPages ?? reply.Metadata?.TotalPages;
        var hasMore = totalPages is not null ? _page < totalPages
            : total is not null ? (long)_page * _pageSize < total
            : items.Count >= _pageSize;
        return new MayarPage<CreditHistoryEntry>(items, total, hasMore && items.Count > 0 ? new GetCreditHistoryPageOperation(this) : null);
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>The reply: entries in "data", counters at the root or in "metadata".</summary>
    internal sealed class WirePayload
    {
        public List<WireEntry>? Data { get; set; }

        public long? Total { get; set; }

        public int? Page { get; set; }

        public int? Limit { get; set; }

        public int? TotalPages { get; set; }

        public WireMetadata? Metadata { get; set; }
    }

    /// <summary>The V2 copy's counters.</summary>
    internal sealed class WireMetadata
    {
        public int? TotalPages { get; set; }

        public long? TotalData { get; set; }
    }

    /// <summary>One entry: a signed "amount", or "credit" and "debit"; times as ISO strings or epoch milliseconds.</summary>
    internal sealed class WireEntry
    {
        public string? Id { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? Datetime { get; set; }

        public string? Type { get; set; }

        public string? WalletType { get; set; }

        public decimal? Amount { get; set; }

        public decimal? Credit { get; set; }

        public decimal? Debit { get; set; }

        public string? CustomerId { get; set; }

        public string? ProductId { get; set; }

        public string? MembershipTierId { get; set; }

        public string? Status { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? ExpiredAt { get; set; }

        public string? ReferenceId { get; set; }
    }
}
