using System;

namespace Mayar.Credit.Client;

/// <summary>
/// The environment-variable fallback: MAYAR_API_KEY, with MAYAR_ENVIRONMENT (Production|Sandbox) or
/// MAYAR_BASE_URI. Used when no -Connection is given and the runspace has no default connection.
/// </summary>
public static class MayarEnvironmentVariables
{
    /// <summary>The API key variable.</summary>
    public const string ApiKey = "MAYAR_API_KEY";

    /// <summary>Production or Sandbox.</summary>
    public const string Environment = "MAYAR_ENVIRONMENT";

    /// <summary>An explicit base URI; wins over MAYAR_ENVIRONMENT.</summary>
    public const string BaseUri = "MAYAR_BASE_URI";

    /// <summary>Retries (0–10), like Connect-Mayar -MaxRetries.</summary>
    public const string MaxRetries = "MAYAR_MAX_RETRIES";

    /// <summary>The pace (0–60000), like Connect-Mayar -RequestsPerMinute.</summary>
    public const string RequestsPerMinute = "MAYAR_REQUESTS_PER_MINUTE";

    /// <summary>Every variable read, in a fixed order (callers may use the values to recognise the same settings).</summary>
    public static readonly string[] All = { ApiKey, Environment, BaseUri, MaxRetries, RequestsPerMinute };

    /// <summary>Options from the variables, or null when MAYAR_API_KEY is not set. Invalid values throw, naming the variable.</summary>
    public static MayarClientOptions? ReadOptions(Func<string, string?> getVariable)
    {
        var key = getVariable(ApiKey);
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var options = new MayarClientOptions { ApiKey = MayarApiKey.FromString(key, "$env:" + ApiKey) };
        var environment = getVariable(Environment);
        if (!string.IsNullOrWhiteSpace(environment))
        {
            options.Environment = ParseEnvironment(environment, "$env:" + Environment);
        }

        var baseUri = getVariable(BaseUri);
        if (!string.IsNullOrWhiteSpace(baseUri))
        {
            if (!Uri.TryCreate(baseUri!.Trim(), UriKind.Absolute, out var uri))
            {
                throw new MayarArgumentException("$env:" + BaseUri, $"must be an absolute URI such as https://api.mayar.id, not '{MayarInputRules.Shorten(baseUri)}'.");
            }

            options.BaseUri = MayarClientOptions.ValidateBaseUri(uri, "$env:" + BaseUri);
        }

        options.MaxRetries = ReadWholeNumber(getVariable, MaxRetries, 0, MayarRetryPolicy.MaxAllowedRetries) ?? options.MaxRetries;
        options.RequestsPerMinute = ReadWholeNumber(getVariable, RequestsPerMinute, 0, MayarRateLimiter.MaxRequestsPerMinute) ?? options.RequestsPerMinute;
        return options;
    }

    private static int? ReadWholeNumber(Func<string, string?> getVariable, string name, int min, int max)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text!.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new MayarArgumentException("$env:" + name, $"must be a whole number from {min} to {max}, not '{MayarInputRules.Shorten(text)}'.");
        }

        return value;
    }

    /// <summary>Parses Production or Sandbox (any case).</summary>
    public static MayarEnvironment ParseEnvironment(string? value, string parameterName)
    {
        var text = value?.Trim();
        if (string.Equals(text, nameof(MayarEnvironment.Production), StringComparison.OrdinalIgnoreCase))
        {
            return MayarEnvironment.Production;
        }

        if (string.Equals(text, nameof(MayarEnvironment.Sandbox), StringComparison.OrdinalIgnoreCase))
        {
            return MayarEnvironment.Sandbox;
        }

        throw new MayarArgumentException(parameterName, $"must be Production or Sandbox, not '{MayarInputRules.Shorten(text ?? string.Empty)}'.");
    }
}
