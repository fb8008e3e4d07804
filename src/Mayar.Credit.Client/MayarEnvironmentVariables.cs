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

        return options;
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
