using System.Collections.Generic;

namespace Mayar.Credit;

/// <summary>How the ids of a parameter that takes several become rows.</summary>
internal static class MayarRows
{
    /// <summary>
    /// Each id, in the order given; none (an empty CSV cell bound as null) is one row without an id, which the input
    /// rules refuse as Mayar.InvalidArgument naming the parameter and the row.
    /// </summary>
    public static IEnumerable<string?> EachId(string?[]? ids) => ids is null || ids.Length == 0 ? new string?[] { null } : ids;
}
