namespace Mayar.Credit.Emulator.Harness;

/// <summary>Switches for the variants the documents disagree on, so a client can be tested against each.</summary>
public sealed class EmulatorVariants
{
    /// <summary>seed: as each seed example (register wrapped in data, balance at root); data: always wrapped; root: never.</summary>
    public string Wrapper { get; set; } = "seed";

    /// <summary>seed ("message" on success, "messages" on validation errors), message or messages everywhere.</summary>
    public string MessageKey { get; set; } = "seed";

    /// <summary>customerMainBalance (docs/api/seeds/002-credit-balance.txt's example) or customerBalanceMain (its field list).</summary>
    public string BalanceMainField { get; set; } = "customerMainBalance";

    /// <summary>Every error answered with HTTP 200 and the status in the body.</summary>
    public bool ErrorsAsHttp200 { get; set; }

    /// <summary>Validation errors answered as HTTP 200 {statusCode:200, messages:"failed", data:[…]} (seen live).</summary>
    public bool ValidationAsFailed { get; set; }

    /// <summary>Balances and amounts sent as JSON strings.</summary>
    public bool NumbersAsStrings { get; set; }

    /// <summary>Credit history entries with one signed "amount" (the V2 copy) instead of "credit" and "debit" (the V1 example).</summary>
    public bool SignedHistoryAmounts { get; set; }

    /// <summary>Checkout links answered as for a membership product (Rev A): data:{membershipTiers:[{id, specificPaymentLinkUrl}], paymentLinkUrl}.</summary>
    public bool MembershipCheckout { get; set; }

    /// <summary>A copy, so the start-up settings stay as they were whatever a test changes.</summary>
    public EmulatorVariants Clone() => (EmulatorVariants)MemberwiseClone();
}
