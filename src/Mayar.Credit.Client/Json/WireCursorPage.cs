using System.Collections.Generic;
using System.Text.Json;

namespace Mayar.Credit.Client.Json;

/// <summary>A V2 cursor page as sent (docs/api/mayar-api.md §5): the rows in "data", the cursor at the root.</summary>
/// <typeparam name="TWire">A row as sent.</typeparam>
internal sealed class WireCursorPage<TWire>
    where TWire : class
{
    public List<TWire>? Data { get; set; }

    public bool? HasMore { get; set; }

    public JsonElement? NextStartingAfter { get; set; }
}
