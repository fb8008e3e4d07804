using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>One page of a list, and the operation that reads the next one.</summary>
/// <typeparam name="TItem">The list's entries.</typeparam>
public sealed class MayarPage<TItem>
    where TItem : class
{
    /// <summary>Creates a page.</summary>
    public MayarPage(IReadOnlyList<TItem> items, long? totalCount, MayarOperation<MayarPage<TItem>>? next)
    {
        Items = items;
        TotalCount = totalCount;
        Next = next;
    }

    /// <summary>This page's entries, in the order the API sent them.</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>How many entries the whole list holds, when the API says.</summary>
    public long? TotalCount { get; }

    /// <summary>The request for the next page; null on the last page.</summary>
    public MayarOperation<MayarPage<TItem>>? Next { get; }
}
