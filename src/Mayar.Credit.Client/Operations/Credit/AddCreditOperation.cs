using System;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>mayar-api.md C3: POST credit into a customer's account (a merchant top-up).</summary>
public sealed class AddCreditOperation : CreditMovementOperation<CreditTopUp>
{
    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public AddCreditOperation(CreditMovementRequest request)
        : base(request)
    {
    }

    /// <inheritdoc />
    public override string Route => MayarRoutes.AddCredit;

    /// <summary>A top-up by the merchant.</summary>
    public override string HistoryType => "MERCHANT_TOPUP";

    /// <inheritdoc />
    public override CreditTopUp Reconciled(DateTimeOffset at) => Result(null, reconciled: true);

    internal override CreditTopUp Read(MayarPayload payload)
    {
        // The example has numbers inside "data"; the field list has strings at the root: both are read.
        var reply = payload.Read(MayarJsonContext.Wire.AddCreditPayload);
        return Result(reply.CustomerBalance, reconciled: false);
    }

    private CreditTopUp Result(decimal? balanceAfter, bool reconciled) => new()
    {
        CustomerId = CustomerId,
        ProductId = ProductId,
        Amount = Amount,
        BalanceAfter = balanceAfter,
        MembershipTierId = MembershipTierId,
        MemberId = MemberId,
        Reconciled = reconciled,
    };

    /// <summary>The reply: the balance after the top-up.</summary>
    internal sealed class WirePayload
    {
        public decimal? CustomerBalance { get; set; }
    }
}
