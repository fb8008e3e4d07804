using System;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// What the domain holds at start-up and again after a reset: the start-up credit products, docs/api/seeds/002-credit-balance.txt's sample
/// customer with its balance, and the sample membership product with its tiers and members (the ids are
/// <see cref="EmulatorOptions"/>' constants, so tests and demos can name them).
/// </summary>
internal static class StartUpDomain
{
    public static void Seed(CreditStore store, EmulatorOptions options)
    {
        store.Products.Add(options.ProductId, "Credit product");
        store.Products.Add(EmulatorOptions.SampleProductId, "Seed 002 sample product");
        var sample = new CreditAccount(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId, "john doe", "johndoe.sample@example.com", "08777777777");
        store.Accounts.Open(sample, main: 29501m, addOn: 500m, listed: true);

        store.Products.Add(SampleMembershipProduct());
        // The sample members are not V2 customers: the V2 list starts with docs/api/seeds/002-credit-balance.txt's customer alone.
        store.Accounts.Open(Member(EmulatorOptions.SampleMemberId, EmulatorOptions.SampleMemberCustomerId, EmulatorOptions.MembershipTierId, "jane member", "janemember.sample@example.com", "08123456789", "active", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)), main: 1200m, addOn: 300m, listed: false);
        store.Accounts.Open(Member(EmulatorOptions.InactiveSampleMemberId, EmulatorOptions.InactiveSampleMemberCustomerId, EmulatorOptions.SecondMembershipTierId, "budi lapsed", "budilapsed.sample@example.com", "08111222333", "inactive", new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)), main: 0m, addOn: 0m, listed: false);
    }

    private static MembershipProduct SampleMembershipProduct()
    {
        var made = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
        return new MembershipProduct(EmulatorOptions.MembershipProductId, "Membership product", new[]
        {
            new MembershipTier(EmulatorOptions.MembershipTierId, EmulatorOptions.MembershipTierName, new[] { new TierPeriod(1, 50000m, 1000m) }, EmulatorOptions.MembershipTierTrialCredit, made),
            new MembershipTier(EmulatorOptions.SecondMembershipTierId, EmulatorOptions.SecondMembershipTierName, new[] { new TierPeriod(1, 150000m, 5000m), new TierPeriod(12, 1500000m, 60000m) }, EmulatorOptions.SecondMembershipTierTrialCredit, made.AddDays(1)),
            new MembershipTier(EmulatorOptions.ThirdMembershipTierId, EmulatorOptions.ThirdMembershipTierName, new[] { new TierPeriod(3, 1200000m, 30000m) }, null, made.AddDays(2)),
        });
    }

    private static CreditAccount Member(string memberId, string customerId, string tierId, string name, string email, string mobile, string status, DateTimeOffset created) =>
        new(customerId, EmulatorOptions.MembershipProductId, name, email, mobile)
        {
            MembershipTierId = tierId,
            MemberId = memberId,
            RecordId = DerivedUuid.Of("member/" + memberId), // the same id after every reset
            Status = status,
            MonthlyPeriod = 1,
            CreatedAtMs = created.ToUnixTimeMilliseconds(),
            NextPaymentMs = CreditAccounts.NextPayment(created.ToUnixTimeMilliseconds(), 1),
        };
}
