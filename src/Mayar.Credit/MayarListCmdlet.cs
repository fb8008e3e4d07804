using System;
using System.Collections.Generic;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// A cmdlet that lists entries, page by page, for each input record: the one convention of every list. The derived
/// cmdlet declares <c>SupportsPaging = true</c> (so -First, -Skip and -IncludeTotalCount) and says how the bound
/// parameters become a request and which operation reads its first page. The base asks for a page only when the
/// pipeline has taken every entry of the one before (so <c>-First 5</c>, or a downstream <c>Select-Object -First 5</c>,
/// makes one request), writes one -Verbose line per page request, stops between and during pages on Ctrl+C, and writes
/// a page that fails as that input's error, going on with the next input.
/// </summary>
/// <typeparam name="TRequest">The request built from the bound parameters; the TargetObject of this input's errors.</typeparam>
/// <typeparam name="TItem">The entries of the list.</typeparam>
public abstract class MayarListCmdlet<TRequest, TItem> : MayarCmdlet
    where TRequest : class
    where TItem : class
{
    /// <summary>The largest page the operation may ask for.</summary>
    private protected abstract int MaxPageSize { get; }

    /// <summary>
    /// The requests of the current input record, from the bound parameters, not yet validated: one row each (one per
    /// id of a parameter that takes several).
    /// </summary>
    private protected abstract IEnumerable<TRequest> BuildRequests();

    /// <summary>What names a row to a person, at the start of its error and in the progress (an email, a customer id).</summary>
    private protected abstract string? RowIdentity(TRequest request);

    private protected override bool ReadsPages => true;

    /// <summary>The operation that reads the first page, <paramref name="pageSize"/> entries at a time; creating it applies the input rules.</summary>
    private protected abstract MayarOperation<MayarPage<TItem>> CreateFirstPage(TRequest request, int pageSize);

    /// <summary>
    /// For an input that names one entry (say, a parameter set that reads by key): the operation that reads it, which
    /// the base treats as a one-entry page; null (the default) to read pages. Creating it applies the input rules.
    /// </summary>
    private protected virtual MayarOperation<TItem>? CreateSingleRead(TRequest request) => null;

    /// <summary>Streams the current input record's entries, row by row, honouring -Skip, -First and -IncludeTotalCount for each.</summary>
    protected override void ProcessRecord()
    {
        foreach (var request in BuildRequests())
        {
            if (Stopping)
            {
                return;
            }

            List(NextRow(request, RowIdentity(request)));
        }
    }

    private void List(PendingRow row)
    {
        var request = (TRequest)row.Input;
        var paging = PagingParameters;
        var skip = paging.Skip;
        var first = paging.First;

        // As many entries as the caller wants in one page when that fits, else the largest page.
        var wanted = first > ulong.MaxValue - skip ? ulong.MaxValue : first + skip;
        var pageSize = (int)Math.Min((ulong)MaxPageSize, Math.Max(1UL, wanted));
        MayarOperation? next;
        try
        {
            next = (MayarOperation?)CreateSingleRead(request) ?? CreateFirstPage(request, pageSize);
        }
        catch (MayarArgumentException ex)
        {
            WriteInvalid(row, ex);
            return;
        }

        var written = 0UL;
        var counted = !paging.IncludeTotalCount;
        while (next is not null && written < first && !Stopping)
        {
            var result = SendAndWait(row, next);
            var page = result as MayarPage<TItem> ?? (result is TItem single ? new MayarPage<TItem>(new[] { single }, 1, null) : null);
            if (page is null)
            {
                return;
            }

            PageRead(page.Items.Count);

            if (!counted)
            {
                WriteObject(page.TotalCount is long total ? paging.NewTotalCount((ulong)Math.Max(total, 0L), 1.0) : paging.NewTotalCount(0, 0.0));
                counted = true;
            }

            foreach (var item in page.Items)
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (written >= first)
                {
                    break;
                }

                MayarTypeData.Write(this, item);
                written++;
            }

            next = page.Next;
        }
    }
}
