using System;
using System.Collections.Generic;
using System.Globalization;
using Mayar.Credit.Emulator.Harness;

namespace Mayar.Credit.Emulator;

/// <summary>Start-up settings, from the command line or from tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The key every API request must carry as "Authorization: Bearer …".</summary>
    public const string DefaultApiKey = "mayar-emulator-key";

    /// <summary>The product from docs/api/seeds/000-register-credit-customer.txt's example request.</summary>
    public const string DefaultProductId = "43eadce2-bc52-4e38-a832-93fb835f2a69";

    /// <summary>docs/api/seeds/002-credit-balance.txt's example product and customer, created with a balance so its curl example answers as documented.</summary>
    public const string SampleProductId = "2b649982-411e-42e0-9b9c-0a17f9a55d44";

    /// <summary>docs/api/seeds/002-credit-balance.txt's example customer.</summary>
    public const string SampleCustomerId = "9de4b4b4-525c-4ee0-ac9c-b29c3e10fe55";

    /// <summary>The membership (credit) product the emulator starts with (M1, M2, §12), with three tiers.</summary>
    public const string MembershipProductId = "7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10";

    /// <summary>The membership product's first tier: monthly (1 month, IDR 50000, 1000 credit).</summary>
    public const string MembershipTierId = "b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f";

    public const string MembershipTierName = "Basic";

    /// <summary>The trial credit the first tier gives a new member.</summary>
    public const int MembershipTierTrialCredit = 100;

    /// <summary>The second tier: monthly (IDR 150000, 5000 credit) or yearly (12 months, IDR 1500000, 60000 credit).</summary>
    public const string SecondMembershipTierId = "c9d8e7f6-5a4b-4c3d-8e2f-0a1b2c3d4e5f";

    public const string SecondMembershipTierName = "Pro";

    public const int SecondMembershipTierTrialCredit = 500;

    /// <summary>The third tier: quarterly (3 months, IDR 1200000, 30000 credit), with no trial credit (null).</summary>
    public const string ThirdMembershipTierId = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70";

    public const string ThirdMembershipTierName = "Business";

    /// <summary>A member the emulator starts with, "active" in the first tier, with a MEMBERSHIP and an ADD_ON balance.</summary>
    public const string SampleMemberId = "3SCDI9ZQ";

    /// <summary>The sample member's customer id.</summary>
    public const string SampleMemberCustomerId = "5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30";

    /// <summary>A second member the emulator starts with: "inactive" (its membership lapsed) in the second tier, no balance.</summary>
    public const string InactiveSampleMemberId = "K7QX2D4M";

    /// <summary>The inactive sample member's customer id.</summary>
    public const string InactiveSampleMemberCustomerId = "8a3d6f1c-2b4e-4c9a-9d7f-6e5b4a3c2d10";

    public string Urls { get; set; } = "http://127.0.0.1:5080";

    public string ApiKey { get; set; } = DefaultApiKey;

    public string ProductId { get; set; } = DefaultProductId;

    /// <summary>When set, a JSON file with the base URL, key and ids is written here once listening.</summary>
    public string? ReadyFile { get; set; }

    public EmulatorVariants Variants { get; set; } = new();

    public bool ShowHelp { get; set; }

    /// <summary>Requests admitted per window (0: no limit); the documented API allows 20 per 60 seconds.</summary>
    public int RateLimitPerWindow { get; set; }

    public int RateLimitWindowSeconds { get; set; } = 60;

    public int LatencyMinMs { get; set; }

    public int LatencyMaxMs { get; set; }

    /// <summary>The server clock's offset from real time (--clock-offset).</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>How the credit history misbehaves from the start (--history-*).</summary>
    public EmulatorHistoryBehaviour History { get; set; } = new();

    /// <summary>Faults in the --fault text form, in force from the start (and again after a reset).</summary>
    public List<string> Faults { get; } = new();

    public const string Usage = """
        Mayar credit API emulator (loopback only)

        dotnet run --project src/Mayar.Credit.Emulator -- [options]

          --urls URL                 where to listen (default http://127.0.0.1:5080; port 0 picks a free port)
          --api-key KEY              the bearer key to accept (default mayar-emulator-key)
          --product UUID             id of the credit product created at start (default 43eadce2-bc52-4e38-a832-93fb835f2a69)
          --ready-file PATH          write {baseUrl, apiKey, productId, sampleProductId, sampleCustomerId} here when listening
          --wrapper seed|data|root   where success fields go: as each seed example (default), always in "data", always at the root
          --message-key seed|message|messages   the message field's name (default: as the seed examples, "message")
          --balance-main-field customerMainBalance|customerBalanceMain   spelling of the MAIN balance (default as seed 002's example)
          --errors-as-http200        send every error with HTTP 200 and the real status in the body's statusCode
          --validation-as-failed     send validation errors as HTTP 200 {statusCode:200, messages:"failed", data:[…]}
          --numbers-as-strings       send balances and amounts as JSON strings
          --rate-limit N             answer 429 with Retry-After once N requests were admitted in the window (default off; the live API: 20)
          --rate-limit-window SEC    the rate-limit window (default 60)
          --latency MS|MIN-MAX       add latency to every API request, fixed or random in a range
          --clock-offset SEC         run the server's clock SEC seconds off real time (ledger times, history, Date header)
          --history-lag MS           the credit history shows an entry only MS after it was made
          --history-order asked|asc|desc   serve the history in that order whatever sortOrder asks (default asked)
          --history-ignore-dates     the history ignores startDate and endDate
          --history-max-limit N      the history serves at most N entries a page
          --fault SPEC               inject a fault; repeatable. SPEC is name=value pairs joined by commas:
                                     kind=status|delay|drop-before|drop-after|process-hang|hang|malformed-json|html|
                                     text|error-200, status=N, count=N (0: every request), method=GET,
                                     path=/credit/..., retry-after=S, delay=MS|MIN-MAX, hold=MS (process-hang: answer
                                     after MS; 0: never), content-type=T, body=TEXT
                                     e.g. --fault kind=status,status=503,count=2,retry-after=1
          --help                     show this text
        """;

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            switch (name.ToLowerInvariant())
            {
                case "--urls": options.Urls = Value(); break;
                case "--api-key": options.ApiKey = Value(); break;
                case "--product": options.ProductId = Guid.Parse(Value()).ToString("D"); break;
                case "--ready-file": options.ReadyFile = Value(); break;
                case "--wrapper": options.Variants.Wrapper = OneOf(name, Value(), "seed", "data", "root"); break;
                case "--message-key": options.Variants.MessageKey = OneOf(name, Value(), "seed", "message", "messages"); break;
                case "--balance-main-field": options.Variants.BalanceMainField = OneOf(name, Value(), "customerMainBalance", "customerBalanceMain"); break;
                case "--errors-as-http200": options.Variants.ErrorsAsHttp200 = true; break;
                case "--validation-as-failed": options.Variants.ValidationAsFailed = true; break;
                case "--numbers-as-strings": options.Variants.NumbersAsStrings = true; break;
                case "--rate-limit": options.RateLimitPerWindow = NonNegative(name, Value()); break;
                case "--rate-limit-window": options.RateLimitWindowSeconds = Math.Max(1, NonNegative(name, Value())); break;
                case "--latency": (options.LatencyMinMs, options.LatencyMaxMs) = FaultRule.ParseRange(Value(), name); break;
                case "--clock-offset": options.ClockOffset = Seconds(name, Value()); break;
                case "--history-lag": options.History = options.History with { LagMs = NonNegative(name, Value()) }; break;
                case "--history-order": options.History = options.History with { Order = OneOf(name, Value(), "asked", "asc", "desc") }; break;
                case "--history-ignore-dates": options.History = options.History with { IgnoreDates = true }; break;
                case "--history-max-limit": options.History = options.History with { MaxLimit = NonNegative(name, Value()) }; break;
                case "--fault":
                    var spec = Value();
                    FaultRule.Parse(spec);
                    options.Faults.Add(spec);
                    break;
                case "--help" or "-h" or "-?": options.ShowHelp = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'. Use --help.");
            }
        }

        return options;
    }

    private static int NonNegative(string name, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new ArgumentException($"{name} must be a whole number of 0 or more, not '{value}'.");
        }

        return number;
    }

    /// <summary>A clock offset given as a signed number of seconds (fractions allowed).</summary>
    internal static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? Seconds(name, seconds)
            : throw new ArgumentException($"{name} must be a number of seconds (e.g. -300 or 1.5), not '{value}'.");

    /// <summary>A clock offset of <paramref name="seconds"/>; refuses what is not finite or beyond ten years either way.</summary>
    internal static TimeSpan Seconds(string name, double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) <= MaxOffsetSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "{0} must be a finite number of seconds of at most {1} either way, not {2}.", name, MaxOffsetSeconds, seconds));

    // Ten years: far beyond any test's need and well inside what DateTimeOffset holds.
    private const double MaxOffsetSeconds = 10 * 366 * 86400;

    private static string OneOf(string name, string value, params string[] allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "{0} must be one of {1}, not '{2}'.", name, string.Join(", ", allowed), value));
    }
}
