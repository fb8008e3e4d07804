using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// docs/api/seeds/001-new-customer.txt's customer records (POST /api/v1/customers), one an email (case-insensitive), with "cus_" ids: not the V2
/// customers (<see cref="V2Customers"/>), which the credit registrations make. Thread-safe.
/// </summary>
public sealed class V1CustomerRecords
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly EmulatorClock _clock;

    public V1CustomerRecords(EmulatorClock clock)
    {
        _clock = clock;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byEmail.Count;
            }
        }
    }

    /// <summary>Creates a record from the fields given (its "email" set); null when the email exists.</summary>
    public JsonObject? Create(JsonObject record)
    {
        lock (_gate)
        {
            var email = (string)record["email"]!;
            if (_byEmail.ContainsKey(email))
            {
                return null;
            }

            var now = _clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var created = new JsonObject { ["id"] = NewCustomerId() };
            foreach (var property in record)
            {
                created[property.Key] = property.Value?.DeepClone();
            }

            created["created_at"] = now;
            created["updated_at"] = now;
            _byEmail[email] = created;
            return (JsonObject)created.DeepClone();
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _byEmail.Clear();
        }
    }

    // "cus_" + 26 lower-case Crockford base32 characters: 48 bits of milliseconds then 80 random bits, as a ULID.
    private static string NewCustomerId()
    {
        var chars = new char[26];
        var time = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(time & 31)];
            time >>= 5;
        }

        var random = RandomNumberGenerator.GetBytes(16);
        for (var i = 10; i < 26; i++)
        {
            chars[i] = Crockford[random[i - 10] & 31];
        }

        return "cus_" + new string(chars);
    }
}
