using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>What an email change did (docs/api/mayar-api.md K4).</summary>
public enum EmailChange
{
    Changed,

    /// <summary>No V2 customer has the old email.</summary>
    UnknownEmail,

    /// <summary>The new email is another customer's.</summary>
    EmailTaken,
}

/// <summary>
/// The V2 (/hl/v2) customers: one an email (any case), made by a customer's first credit registration. Thread-safe;
/// <see cref="CreditAccounts"/> calls in under its own lock, never the other way round.
/// </summary>
public sealed class V2Customers
{
    private readonly object _gate = new();
    private readonly Dictionary<string, V2Customer> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly DistinctMillis _created = new();
    private readonly EmulatorClock _clock;

    public V2Customers(EmulatorClock clock)
    {
        _clock = clock;
    }

    /// <summary>Newest first, as the list serves them.</summary>
    public IReadOnlyList<V2Customer> NewestFirst()
    {
        lock (_gate)
        {
            return _byEmail.Values.OrderByDescending(c => c.CreatedAtMs).ToList();
        }
    }

    /// <summary>The customer of an email (any case); null when none.</summary>
    public V2Customer? FindByEmail(string email)
    {
        lock (_gate)
        {
            return _byEmail.TryGetValue(email, out var customer) ? customer : null;
        }
    }

    /// <summary>The customer of an id; null when none.</summary>
    public V2Customer? FindById(string customerId)
    {
        lock (_gate)
        {
            return _byEmail.Values.FirstOrDefault(c => string.Equals(c.CustomerId, customerId, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Adds a customer now, unless one has the email.</summary>
    internal void Add(string customerId, string email, string name, string mobile)
    {
        lock (_gate)
        {
            if (!_byEmail.ContainsKey(email))
            {
                var created = _created.Next(_clock.Now);
                _byEmail[email] = new V2Customer(customerId, email, name, mobile, created, created);
            }
        }
    }

    /// <summary>
    /// Gives the customer of <paramref name="fromEmail"/> the email <paramref name="toEmail"/>. The caller has checked
    /// that no other customer holds it (<see cref="CreditAccounts"/> knows every email, some not V2 customers').
    /// </summary>
    internal EmailChange ChangeEmail(string fromEmail, string toEmail)
    {
        lock (_gate)
        {
            if (!_byEmail.TryGetValue(fromEmail, out var customer))
            {
                return EmailChange.UnknownEmail;
            }

            if (_byEmail.TryGetValue(toEmail, out var holder) && holder.CustomerId != customer.CustomerId)
            {
                return EmailChange.EmailTaken;
            }

            _byEmail.Remove(fromEmail);
            var updated = Math.Max(_clock.Now.ToUnixTimeMilliseconds(), customer.CreatedAtMs);
            _byEmail[toEmail] = customer with { Email = toEmail, UpdatedAtMs = updated };
            return EmailChange.Changed;
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _byEmail.Clear();
            _created.Reset();
        }
    }
}
