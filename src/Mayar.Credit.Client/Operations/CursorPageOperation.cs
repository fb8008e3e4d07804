using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md §5: one page of a V2 list, read by cursor. The endpoint gives its route and filters
/// (checked once, by its constructor) and how to read a row; this base sends "limit" and "startingAfter" and reads
/// "hasMore" and "nextStartingAfter" (an opaque string, passed back unchanged) into the operation for the next page,
/// so a caller reads only the pages it needs.
/// </summary>
/// <typeparam name="TItem">The list's rows as the client returns them.</typeparam>
public abstract class CursorPageOperation<TItem> : MayarOperation<MayarPage<TItem>>
    where TItem : class
{
    /// <summary>The page size when none is asked for (the API's default).</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 50;

    private readonly MayarQuery _filters;
    private string? _startingAfter;

    /// <summary>The first page of <paramref name="filters"/>'s list, <paramref name="pageSize"/> (1 to <see cref="MaxPageSize"/>) rows at a time.</summary>
    private protected CursorPageOperation(MayarEndpoint endpoint, MayarQuery filters, int pageSize)
    {
        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            throw new MayarArgumentException("PageSize", $"must be between 1 and {MaxPageSize}, not {pageSize}.");
        }

        Endpoint = endpoint;
        _filters = filters;
        PageSize = pageSize;
    }

    /// <inheritdoc />
    public sealed override MayarEndpoint Endpoint { get; }

    /// <summary>How many rows a page asks for.</summary>
    public int PageSize { get; }

    /// <summary>The cursor this page starts after; null for the first page.</summary>
    public string? StartingAfter => _startingAfter;

    internal sealed override string Path => _filters.Path;

    internal sealed override string? Query
    {
        get
        {
            var paging = "limit=" + PageSize.ToString(CultureInfo.InvariantCulture)
                + (_startingAfter is null ? string.Empty : "&startingAfter=" + Uri.EscapeDataString(_startingAfter));
            return _filters.Text is { } filters ? filters + "&" + paging : paging;
        }
    }

    /// <summary>Reads the rows in "data" with <paramref name="row"/>, and the cursor at the root into the next page.</summary>
    private protected MayarPage<TItem> ReadPage<TWire>(MayarPayload payload, JsonTypeInfo<WireCursorPage<TWire>> wireType, Func<TWire, TItem> row)
        where TWire : class
    {
        var reply = payload.Read(wireType);
        if (reply.Data is null)
        {
            throw payload.Invalid("The response has no data list");
        }

        var items = new List<TItem>(reply.Data.Count);
        foreach (var wire in reply.Data)
        {
            items.Add(row(wire));
        }

        // The cursor is a string of milliseconds in the documents; a number is taken as its text. A cursor that does
        // not move would repeat this page for ever, so it ends the list.
        var cursor = reply.NextStartingAfter is { ValueKind: JsonValueKind.String } text ? text.GetString()
            : reply.NextStartingAfter is { ValueKind: JsonValueKind.Number } number ? number.GetRawText()
            : null;
        CursorPageOperation<TItem>? next = null;
        if (reply.HasMore != false && !string.IsNullOrWhiteSpace(cursor) && items.Count > 0 && cursor != _startingAfter)
        {
            // The same endpoint, filters and page size; only the cursor differs.
            next = (CursorPageOperation<TItem>)MemberwiseClone();
            next._startingAfter = cursor;
        }

        return new MayarPage<TItem>(items, null, next);
    }
}
