using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>The key owner's products: credit-usage products, and membership products with their tiers. Thread-safe.</summary>
public sealed class ProductCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, CreditProduct> _credit = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MembershipProduct> _membership = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The credit product of that id (a new UUID when none is given), created unless it exists.</summary>
    public CreditProduct Add(string? id, string? name)
    {
        lock (_gate)
        {
            var key = string.IsNullOrWhiteSpace(id) ? Guid.NewGuid().ToString("D") : Guid.Parse(id).ToString("D");
            if (!_credit.TryGetValue(key, out var product))
            {
                product = new CreditProduct(key, string.IsNullOrWhiteSpace(name) ? "Credit product" : name!);
                _credit[key] = product;
            }

            return product;
        }
    }

    public void Add(MembershipProduct product)
    {
        lock (_gate)
        {
            _membership[product.Id] = product;
        }
    }

    public IReadOnlyList<CreditProduct> CreditProducts()
    {
        lock (_gate)
        {
            return _credit.Values.ToList();
        }
    }

    public bool IsCreditProduct(string productId)
    {
        lock (_gate)
        {
            return _credit.ContainsKey(productId);
        }
    }

    /// <summary>True for a credit or a membership product of the key's owner.</summary>
    public bool Has(string productId)
    {
        lock (_gate)
        {
            return _credit.ContainsKey(productId) || _membership.ContainsKey(productId);
        }
    }

    /// <summary>A membership product with its tiers; null when the key's owner has no such membership product.</summary>
    public MembershipProduct? FindMembershipProduct(string productId)
    {
        lock (_gate)
        {
            return _membership.TryGetValue(productId, out var product) ? product : null;
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _credit.Clear();
            _membership.Clear();
        }
    }
}
