using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/mayar-api.md §12: GET one cursor page of a membership product's tiers.</summary>
public sealed class GetMembershipTiersPageOperation : CursorPageOperation<MayarMembershipTier>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.MembershipTiers);

    private readonly string _productId;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the first page.</summary>
    public GetMembershipTiersPageOperation(GetMembershipTierRequest request, int pageSize = DefaultPageSize)
        : this(MayarInputRules.Uuid(Given(request, nameof(request)).ProductId, nameof(request.ProductId)), pageSize)
    {
    }

    private GetMembershipTiersPageOperation(string productId, int pageSize)
        : base(Declared, new MayarQuery(Declared.Route).Add("productId", productId), pageSize)
    {
        _productId = productId;
    }

    internal override MayarPage<MayarMembershipTier> Read(MayarPayload payload) =>
        ReadPage(payload, MayarJsonContext.Wire.MembershipTiersPagePayload, tier => new MayarMembershipTier
        {
            MembershipTierId = MayarPayload.FirstNonBlank(tier.Id, tier.MembershipTierId) ?? throw payload.Invalid("A tier has no id"),
            ProductId = MayarPayload.FirstNonBlank(tier.PaymentLinkId, tier.ProductId) ?? _productId,
            Name = MayarPayload.FirstNonBlank(tier.Name),
            Status = MayarPayload.FirstNonBlank(tier.Status),
            TrialCredit = tier.TrialCredit,
            IsTrialAvailable = tier.IsTrialAvailable,
            Periods = tier.Periods?.Select(p => new MayarMembershipPeriod { MonthPeriod = p.MonthPeriod, Amount = p.Amount, Credit = p.Credit }).ToList()
                ?? (IReadOnlyList<MayarMembershipPeriod>)Array.Empty<MayarMembershipPeriod>(),
            CreatedAt = tier.CreatedAt,
            UpdatedAt = tier.UpdatedAt,
        });

    /// <summary>A tier row as §12 shows it (the product's id under "paymentLinkId"), with its periods when sent.</summary>
    internal sealed class WireTierRow
    {
        public string? Id { get; set; }

        public string? MembershipTierId { get; set; }

        public string? PaymentLinkId { get; set; }

        public string? ProductId { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public decimal? TrialCredit { get; set; }

        public bool? IsTrialAvailable { get; set; }

        public List<WireTierPeriod>? Periods { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }
    }

    /// <summary>A payment period as the tiers/create body has it.</summary>
    internal sealed class WireTierPeriod
    {
        public int MonthPeriod { get; set; }

        public decimal? Amount { get; set; }

        public decimal? Credit { get; set; }
    }
}
