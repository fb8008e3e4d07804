using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Mayar.Credit.Emulator.Harness;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>
/// The V2 lists' cursor pages (docs/api/mayar-api.md §5): newest first, "limit" (default 10, at most 50) a page, and
/// "startingAfter" the "nextStartingAfter" of the page before, which is that page's last row's creation time in
/// milliseconds, as a string (null on the last page). The rows of a list are created at distinct milliseconds.
/// </summary>
internal readonly record struct CursorPage(int Limit, long? StartingAfter)
{
    /// <summary>The largest page the API serves.</summary>
    public const int MaxLimit = 50;

    /// <summary>The limit and cursor of the query; a bad one is recorded as the request's problem.</summary>
    public static CursorPage Read(ApiRequest request)
    {
        var limit = request.QueryWhole("limit", 10, 1, MaxLimit);
        var cursorText = request.Query("startingAfter");
        long? startingAfter = null;
        if (cursorText.Length > 0)
        {
            if (long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                startingAfter = cursor;
            }
            else
            {
                request.Problem("startingAfter", "The 'startingAfter' field must be a cursor from 'nextStartingAfter'.", "string");
            }
        }

        return new CursorPage(limit, startingAfter);
    }

    /// <summary>
    /// {statusCode:200, messages:"success", data:[…], hasMore, nextStartingAfter}: the rows of <paramref name="newestFirst"/>
    /// created before the cursor, at most a page of them.
    /// </summary>
    public ApiResult Reply<T>(EmulatorVariants variants, IEnumerable<T> newestFirst, Func<T, long> createdMs, Func<T, JsonObject> row)
    {
        var cursor = StartingAfter;
        var after = newestFirst.Where(item => cursor is null || createdMs(item) < cursor).ToList();
        var page = after.Take(Limit).ToList();
        var hasMore = after.Count > page.Count;
        var data = new JsonArray();
        foreach (var item in page)
        {
            data.Add(row(item));
        }

        return ApiResult.Ok(200, new JsonObject
        {
            ["statusCode"] = 200,
            [Replies.V2MessageKey(variants)] = "success",
            ["data"] = data,
            ["hasMore"] = hasMore,
            ["nextStartingAfter"] = hasMore ? createdMs(page[^1]).ToString(CultureInfo.InvariantCulture) : null,
        });
    }
}
