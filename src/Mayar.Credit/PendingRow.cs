using System.Threading.Tasks;

namespace Mayar.Credit;

/// <summary>One input of a cmdlet, numbered from 1 in input order, and the work sending it (once started).</summary>
internal sealed class PendingRow
{
    public PendingRow(long index, object input)
    {
        Index = index;
        Input = input;
    }

    public long Index { get; }

    public object Input { get; }

    public Task<object>? Work { get; set; }
}
