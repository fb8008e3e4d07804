using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Mayar.Credit.Emulator;

/// <summary>All in-memory state: products, credit accounts, customer records, the request log, faults and variants. Thread-safe.</summary>
public sealed class EmulatorState
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    private readonly object _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Dictionary<string, CreditProduct> _products = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _creditCustomerIdsByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string CustomerId, string ProductId), CreditAccount> _accounts = new();
    private readonly Dictionary<string, JsonObject> _customersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RequestLogEntry> _log = new();
    private readonly List<FaultRule> _faults = new();
    private long _sequence;

    public EmulatorState(EmulatorOptions options)
    {
        _options = options;
        Variants = Clone(options.Variants);
        Reset();
    }

    public string ApiKey => _options.ApiKey;

    public string ProductId => _options.ProductId;

    public EmulatorVariants Variants { get; private set; }

    /// <summary>The per-minute (per-window) request limit; off unless set.</summary>
    public EmulatorRateLimit RateLimit { get; } = new();

    /// <summary>Latency added to every API request, in milliseconds (a random value in [Min, Max]).</summary>
    public (int MinMs, int MaxMs) Latency { get; private set; }

    public void SetLatency(int minMs, int maxMs)
    {
        if (minMs < 0 || maxMs < minMs)
        {
            throw new ArgumentException("latency needs 0 <= minMs <= maxMs.");
        }

        Latency = (minMs, maxMs);
    }

    /// <summary>Back to the start-up state: the start-up products, the sample customer, no log, and the start-up variants, faults, latency and rate limit.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _products.Clear();
            _creditCustomerIdsByEmail.Clear();
            _accounts.Clear();
            _customersByEmail.Clear();
            _log.Clear();
            _faults.Clear();
            Variants = Clone(_options.Variants);
            RateLimit.Set(_options.RateLimitPerWindow, _options.RateLimitWindowSeconds);
            Latency = (_options.LatencyMinMs, _options.LatencyMaxMs);
            foreach (var fault in _options.Faults)
            {
                _faults.Add(FaultRule.Parse(fault));
            }

            AddProduct(_options.ProductId, "Credit product");
            AddProduct(EmulatorOptions.SampleProductId, "Seed 002 sample product");
            var sample = new CreditAccount(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId, "john doe", "johndoe.sample@example.com", "08777777777")
            {
                Main = 29501m,
                AddOn = 500m,
            };
            _creditCustomerIdsByEmail[sample.Email] = sample.CustomerId;
            _accounts[(sample.CustomerId, sample.ProductId)] = sample;
        }
    }

    public void SetVariants(EmulatorVariants variants)
    {
        lock (_gate)
        {
            Variants = variants;
        }
    }

    public CreditProduct AddProduct(string? id, string? name)
    {
        lock (_gate)
        {
            var key = string.IsNullOrWhiteSpace(id) ? Guid.NewGuid().ToString("D") : Guid.Parse(id).ToString("D");
            if (!_products.TryGetValue(key, out var product))
            {
                product = new CreditProduct(key, string.IsNullOrWhiteSpace(name) ? "Credit product" : name!);
                _products[key] = product;
            }

            return product;
        }
    }

    public IReadOnlyList<CreditProduct> Products()
    {
        lock (_gate)
        {
            return _products.Values.ToList();
        }
    }

    public bool HasProduct(string productId)
    {
        lock (_gate)
        {
            return _products.ContainsKey(productId);
        }
    }

    /// <summary>Registers an email into a product; null when the email is already registered there.</summary>
    public CreditAccount? Register(string productId, string name, string email, string mobile, decimal trialCredit)
    {
        lock (_gate)
        {
            if (!_creditCustomerIdsByEmail.TryGetValue(email, out var customerId))
            {
                customerId = Guid.NewGuid().ToString("D");
                _creditCustomerIdsByEmail[email] = customerId;
            }

            if (_accounts.ContainsKey((customerId, productId)))
            {
                return null;
            }

            var account = new CreditAccount(customerId, productId, name, email, mobile) { AddOn = trialCredit };
            _accounts[(customerId, productId)] = account;
            return account;
        }
    }

    public CreditAccount? FindAccount(string customerId, string productId)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue((customerId, productId), out var account) ? account.Copy() : null;
        }
    }

    /// <summary>Adds credit to a wallet ("MAIN" or "ADD_ON"); null when there is no such account.</summary>
    public CreditAccount? AddCredit(string customerId, string productId, decimal amount, string wallet)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue((customerId, productId), out var account))
            {
                return null;
            }

            if (wallet == "MAIN")
            {
                account.Main += amount;
            }
            else
            {
                account.AddOn += amount;
            }

            return account.Copy();
        }
    }

    /// <summary>Spends MAIN first, then ADD_ON. Returns (account, fromMain, fromAddOn), or the reason it could not.</summary>
    public (CreditAccount? Account, decimal FromMain, decimal FromAddOn, string? Error) Spend(string customerId, string productId, decimal amount)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue((customerId, productId), out var account))
            {
                return (null, 0, 0, "not found");
            }

            if (account.Total < amount)
            {
                return (account.Copy(), 0, 0, "insufficient");
            }

            var fromMain = Math.Min(account.Main, amount);
            var fromAddOn = amount - fromMain;
            account.Main -= fromMain;
            account.AddOn -= fromAddOn;
            return (account.Copy(), fromMain, fromAddOn, null);
        }
    }

    /// <summary>Creates a customer record; null when the email (case-insensitive) exists.</summary>
    public JsonObject? CreateCustomer(JsonObject record)
    {
        lock (_gate)
        {
            var email = (string)record["email"]!;
            if (_customersByEmail.ContainsKey(email))
            {
                return null;
            }

            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var created = new JsonObject { ["id"] = NewCustomerId() };
            foreach (var property in record)
            {
                created[property.Key] = property.Value?.DeepClone();
            }

            created["created_at"] = now;
            created["updated_at"] = now;
            _customersByEmail[email] = created;
            return (JsonObject)created.DeepClone();
        }
    }

    public int CustomerCount
    {
        get
        {
            lock (_gate)
            {
                return _customersByEmail.Count;
            }
        }
    }

    public int RegistrationCount
    {
        get
        {
            lock (_gate)
            {
                return _accounts.Count;
            }
        }
    }

    public IReadOnlyList<CreditAccount> Accounts()
    {
        lock (_gate)
        {
            return _accounts.Values.Select(a => a.Copy()).ToList();
        }
    }

    public RequestLogEntry BeginLog(RequestLogEntry entry)
    {
        lock (_gate)
        {
            entry.Sequence = ++_sequence;
            _log.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<RequestLogEntry> RequestLog()
    {
        lock (_gate)
        {
            return _log.ToList();
        }
    }

    public void ClearLog()
    {
        lock (_gate)
        {
            _log.Clear();
        }
    }

    public void AddFault(FaultRule rule)
    {
        var problem = rule.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        lock (_gate)
        {
            _faults.Add(rule);
        }
    }

    public IReadOnlyList<FaultRule> Faults()
    {
        lock (_gate)
        {
            return _faults.ToList();
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Takes the first rule matching a request, counting it down.</summary>
    public FaultRule? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _faults)
            {
                var methodMatches = rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase);
                var pathMatches = rule.Path is null || string.Equals(rule.Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
                if (!methodMatches || !pathMatches)
                {
                    continue;
                }

                if (rule.Count > 0 && --rule.Count == 0)
                {
                    _faults.Remove(rule);
                }

                return rule;
            }

            return null;
        }
    }

    private static EmulatorVariants Clone(EmulatorVariants v) => new()
    {
        Wrapper = v.Wrapper,
        MessageKey = v.MessageKey,
        BalanceMainField = v.BalanceMainField,
        ErrorsAsHttp200 = v.ErrorsAsHttp200,
        ValidationAsFailed = v.ValidationAsFailed,
        NumbersAsStrings = v.NumbersAsStrings,
    };

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

public sealed record CreditProduct(string Id, string Name);

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

    public decimal Main { get; set; }

    public decimal AddOn { get; set; }

    public decimal Total => Main + AddOn;

    public CreditAccount Copy() => new(CustomerId, ProductId, Name, Email, Mobile) { Main = Main, AddOn = AddOn };
}
