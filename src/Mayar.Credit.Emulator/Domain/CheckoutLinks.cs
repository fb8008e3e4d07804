using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>An immutable checkout link issued (docs/api/mayar-api.md C6): for which product and buyer, and when.</summary>
public sealed record IssuedCheckout(string ProductId, string Email, decimal? CreditAmount, DateTimeOffset Time);

/// <summary>
/// The checkout links issued. A link changes no balance (the buyer pays through it), so the issued links are all the
/// state a checkout leaves. Thread-safe.
/// </summary>
public sealed class CheckoutLinks
{
    private readonly object _gate = new();
    private readonly List<IssuedCheckout> _issued = new();
    private readonly ProductCatalog _products;
    private readonly EmulatorClock _clock;

    public CheckoutLinks(ProductCatalog products, EmulatorClock clock)
    {
        _products = products;
        _clock = clock;
    }

    /// <summary>Records a link issued to a buyer; false when the product is not a credit product of the key's.</summary>
    public bool Issue(string productId, string email, decimal? creditAmount)
    {
        if (!_products.IsCreditProduct(productId))
        {
            return false;
        }

        lock (_gate)
        {
            _issued.Add(new IssuedCheckout(productId, email, creditAmount, _clock.Now));
            return true;
        }
    }

    /// <summary>The links issued, oldest first.</summary>
    public IReadOnlyList<IssuedCheckout> Issued()
    {
        lock (_gate)
        {
            return _issued.ToList();
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _issued.Clear();
        }
    }
}
