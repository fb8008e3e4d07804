namespace Mayar.Credit.Emulator.Domain;

/// <summary>The two wallets of a credit account: MAIN (bought credit, spent first) and ADD_ON (trial and added credit).</summary>
public enum CreditWallet
{
    Main,
    AddOn,
}

/// <summary>A customer registered into a product, with the balance of each wallet. The store hands out copies.</summary>
public sealed class CreditAccount
{
    public CreditAccount(string customerId, string productId, string name, string email, string mobile)
    {
        CustomerId = customerId;
        ProductId = productId;
        Name = name;
        Email = email;
        Mobile = mobile;
    }

    public string CustomerId { get; }

    public string ProductId { get; }

    public string Name { get; }

    public string Email { get; }

    public string Mobile { get; }

    /// <summary>The membership tier, for a membership account (its MAIN wallet is the MEMBERSHIP wallet); else null.</summary>
    public string? MembershipTierId { get; init; }

    /// <summary>The member id (8 upper-case letters or digits), for a membership account; else null.</summary>
    public string? MemberId { get; init; }

    /// <summary>The membership-customer record's id (a UUID, the V2 member rows' "id"), for a membership account.</summary>
    public string? RecordId { get; init; }

    /// <summary>The membership's status (docs/api/mayar-api.md §12: active, stopped, inactive or finished), for a membership account.</summary>
    public string Status { get; init; } = "active";

    /// <summary>The membership's monthly payment period (1, 3, 6 or 12), for a membership account.</summary>
    public int MonthlyPeriod { get; init; }

    /// <summary>When the membership was registered, in Unix milliseconds no other member shares (membership accounts).</summary>
    public long CreatedAtMs { get; init; }

    /// <summary>The next payment, in Unix milliseconds: registration plus the period's months (membership accounts).</summary>
    public long NextPaymentMs { get; init; }

    public bool IsMembership => MemberId is not null;

    public decimal Main { get; set; }

    public decimal AddOn { get; set; }

    public decimal Total => Main + AddOn;

    public decimal Balance(CreditWallet wallet) => wallet == CreditWallet.Main ? Main : AddOn;

    /// <summary>Adds a signed amount to one wallet.</summary>
    public void Move(CreditWallet wallet, decimal amount)
    {
        if (wallet == CreditWallet.Main)
        {
            Main += amount;
        }
        else
        {
            AddOn += amount;
        }
    }

    public CreditAccount Copy() => new(CustomerId, ProductId, Name, Email, Mobile)
    {
        Main = Main,
        AddOn = AddOn,
        MembershipTierId = MembershipTierId,
        MemberId = MemberId,
        RecordId = RecordId,
        Status = Status,
        MonthlyPeriod = MonthlyPeriod,
        CreatedAtMs = CreatedAtMs,
        NextPaymentMs = NextPaymentMs,
    };
}

public static class CreditWalletNames
{
    /// <summary>The wallet as the documents write it: MAIN or ADD_ON.</summary>
    public static string ToWire(this CreditWallet wallet) => wallet == CreditWallet.Main ? "MAIN" : "ADD_ON";

    /// <summary>MAIN or ADD_ON (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out CreditWallet wallet)
    {
        wallet = CreditWallet.Main;
        switch (text?.ToUpperInvariant())
        {
            case "MAIN":
                return true;
            case "ADD_ON":
                wallet = CreditWallet.AddOn;
                return true;
            default:
                return false;
        }
    }
}
