using System.Globalization;
using System.Threading.Tasks;

namespace Mayar.Credit;

/// <summary>
/// One row of a cmdlet's input, numbered from 1 in input order, with what identifies it to a person (an email, a
/// customer or member id) and the work sending it (once started). A list's pages are all of their input's row.
/// </summary>
internal sealed class PendingRow
{
    public PendingRow(long index, object input, string? identity)
    {
        Index = index;
        Input = input;
        Label = string.IsNullOrWhiteSpace(identity)
            ? "Row " + index.ToString(CultureInfo.InvariantCulture)
            : identity!.Trim() + " (row " + index.ToString(CultureInfo.InvariantCulture) + ")";
    }

    public long Index { get; }

    /// <summary>The request built from the row: the TargetObject of its errors.</summary>
    public object Input { get; }

    /// <summary>"a@example.com (row 3)", or "Row 3" for a row without its identity: how its errors begin.</summary>
    public string Label { get; }

    public Task<object>? Work { get; set; }
}
