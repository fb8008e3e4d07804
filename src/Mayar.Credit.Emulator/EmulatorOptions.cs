using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mayar.Credit.Emulator;

/// <summary>Start-up settings, from the command line or from tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The key every API request must carry as "Authorization: Bearer …".</summary>
    public const string DefaultApiKey = "mayar-emulator-key";

    /// <summary>The product from seed 000's example request.</summary>
    public const string DefaultProductId = "43eadce2-bc52-4e38-a832-93fb835f2a69";

    /// <summary>Seed 002's example product and customer, created with a balance so its curl example answers as documented.</summary>
    public const string SampleProductId = "2b649982-411e-42e0-9b9c-0a17f9a55d44";

    /// <summary>Seed 002's example customer.</summary>
    public const string SampleCustomerId = "9de4b4b4-525c-4ee0-ac9c-b29c3e10fe55";

    public string Urls { get; set; } = "http://127.0.0.1:5080";

    public string ApiKey { get; set; } = DefaultApiKey;

    public string ProductId { get; set; } = DefaultProductId;

    /// <summary>When set, a JSON file with the base URL, key and ids is written here once listening.</summary>
    public string? ReadyFile { get; set; }

    public EmulatorVariants Variants { get; set; } = new();

    public bool ShowHelp { get; set; }

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
                case "--help" or "-h" or "-?": options.ShowHelp = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'. Use --help.");
            }
        }

        return options;
    }

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
