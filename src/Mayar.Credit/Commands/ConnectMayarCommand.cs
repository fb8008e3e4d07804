using System;
using System.Management.Automation;
using System.Security;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Stores the Mayar API key and environment as this runspace's default connection.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Mayar", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(MayarConnection))]
public sealed class ConnectMayarCommand : PSCmdlet
{
    private const string EnvironmentSet = "Environment";
    private const string BaseUriSet = "BaseUri";

    /// <summary>The API key. Without it, $env:MAYAR_API_KEY is used.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>Production (https://api.mayar.id) or Sandbox (https://api.mayar.club). Default: $env:MAYAR_ENVIRONMENT, else Production.</summary>
    [Parameter(ParameterSetName = EnvironmentSet)]
    [ValidateSet("Production", "Sandbox")]
    public string? Environment { get; set; }

    /// <summary>Any base URI, e.g. the emulator's http://127.0.0.1:5080. https only, except for loopback addresses.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BaseUriSet)]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>How long one request may take, in seconds (1–600; default 100).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 100;

    /// <summary>
    /// How many times a failed request is sent again (0–10; default 4; 0 disables). Reads are retried on
    /// transport errors, timeouts, 408, 429 and 5xx; writes only when they certainly did not arrive.
    /// </summary>
    [Parameter]
    [ValidateRange(0, MayarRetryPolicy.MaxAllowedRetries)]
    public int MaxRetries { get; set; } = MayarRetryPolicy.DefaultMaxRetries;

    /// <summary>
    /// The most requests per minute this connection sends, shared by every command and runspace that uses it
    /// (default the documented 20; 0 disables pacing).
    /// </summary>
    [Parameter]
    [ValidateRange(0, MayarRateLimiter.MaxRequestsPerMinute)]
    public int RequestsPerMinute { get; set; } = MayarRateLimiter.DocumentedRequestsPerMinute;

    /// <summary>Also write the connection to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Creates and stores the connection.</summary>
    protected override void EndProcessing()
    {
        MayarClient client;
        try
        {
            var options = new MayarClientOptions
            {
                ApiKey = ResolveKey(),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                RequestsPerMinute = RequestsPerMinute,
            };

            if (ParameterSetName == BaseUriSet)
            {
                options.BaseUri = MayarClientOptions.ValidateBaseUri(BaseUri!, nameof(BaseUri));
            }
            else
            {
                var environment = Environment ?? System.Environment.GetEnvironmentVariable(MayarEnvironmentVariables.Environment);
                options.Environment = string.IsNullOrWhiteSpace(environment)
                    ? MayarEnvironment.Production
                    : MayarEnvironmentVariables.ParseEnvironment(environment, Environment is null ? "$env:" + MayarEnvironmentVariables.Environment : nameof(Environment));
            }

            client = new MayarClient(options);
        }
        catch (MayarArgumentException ex)
        {
            ThrowTerminatingError(MayarErrorRecords.InvalidArgument(ex, null));
            return;
        }

        var connection = new MayarConnection(client, "Connect-Mayar");
        MayarConnectionStore.Set(SessionState, connection);
        CommandTrace.WriteVerboseLine(this, $"Connected: {connection}.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    private MayarApiKey ResolveKey()
    {
        if (ApiKey is not null)
        {
            return MayarApiKey.FromSecureString(ApiKey, nameof(ApiKey));
        }

        var fromEnvironment = System.Environment.GetEnvironmentVariable(MayarEnvironmentVariables.ApiKey);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            throw new MayarArgumentException(nameof(ApiKey), "is required: pass -ApiKey (Read-Host -AsSecureString 'Mayar API key') or set $env:MAYAR_API_KEY.");
        }

        return MayarApiKey.FromString(fromEnvironment, "$env:" + MayarEnvironmentVariables.ApiKey);
    }
}
