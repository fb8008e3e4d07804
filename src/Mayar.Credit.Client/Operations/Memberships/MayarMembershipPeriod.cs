namespace Mayar.Credit.Client;

/// <summary>One payment period of a membership tier: its length, its price and the credit it gives.</summary>
public sealed class MayarMembershipPeriod
{
    /// <summary>The period's length in months.</summary>
    public int MonthPeriod { get; set; }

    /// <summary>What the period costs.</summary>
    public decimal? Amount { get; set; }

    /// <summary>The credit the period gives.</summary>
    public decimal? Credit { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{MonthPeriod} mo: {Amount} for {Credit} credit";
}
