using System;
using System.Collections.Generic;

namespace Mayar.Credit.Client;

/// <summary>
/// A tier of a membership product (docs/api/mayar-api.md §12): what a customer registers into. Its
/// <see cref="MembershipTierId"/> and <see cref="ProductId"/> bind by property name to the cmdlets that take them.
/// </summary>
public sealed class MayarMembershipTier
{
    /// <summary>The tier's id (a UUID).</summary>
    public string MembershipTierId { get; set; } = string.Empty;

    /// <summary>The membership product's id (a UUID).</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The tier's name.</summary>
    public string? Name { get; set; }

    /// <summary>ACTIVE, or another status the API names.</summary>
    public string? Status { get; set; }

    /// <summary>The credit a trial gives; null when the tier has no trial.</summary>
    public decimal? TrialCredit { get; set; }

    /// <summary>Whether a customer may start with a trial.</summary>
    public bool? IsTrialAvailable { get; set; }

    /// <summary>What each payment period costs and the credit it gives; empty when the API sends none.</summary>
    public IReadOnlyList<MayarMembershipPeriod> Periods { get; set; } = Array.Empty<MayarMembershipPeriod>();

    /// <summary>When the tier was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the tier last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({MembershipTierId})";
}
