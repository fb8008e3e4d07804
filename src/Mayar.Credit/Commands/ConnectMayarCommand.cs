using System;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Stores the Mayar API key and environment as this runspace's default connection.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Mayar", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(MayarConnection))]
public sealed class ConnectMayarCommand : StoppableCmdlet
{
    private const string EnvironmentSet = "Environment";
    private const string BaseUriSet = "BaseUri";

    private const string PlainTextKeyWarning = "-ApiKey was given as plain text, which can end up in the command history, transcripts and logs. Keep the key in a vault and pass it as a SecureString: Connect-Mayar -ApiKey (Get-Secret MayarApiKey), with Microsoft.PowerShell.SecretManagement.";

    /// <summary>
    /// The API key: a SecureString (Read-Host -AsSecureString, Get-Secret), a PSCredential (its password is the key;
    /// the user name is ignored) or a plain string (with a warning: it can end up in history and logs). Without it,
    /// $env:MAYAR_API_KEY is used.
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public object? ApiKey { get; set; }

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

    /// <summary>
    /// Check the key before storing the connection, with one read (GET /hl/v2/customers?limit=1, as
    /// Test-MayarConnection): a key the API refuses (Mayar.Unauthorized) or an API that cannot be reached ends the
    /// command and nothing is stored. Off by default: it costs one request of the per-minute limit and needs the API.
    /// </summary>
    [Parameter]
    public SwitchParameter Validate { get; set; }

    /// <summary>Also write the connection to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Creates and stores the connection.</summary>
    protected override void EndProcessing()
    {
        MayarClient client;
        try
        {
            var key = ResolveKey(out var plainTextKey);
            if (plainTextKey)
            {
                Warn(PlainTextKeyWarning);
            }

            var options = new MayarClientOptions
            {
                ApiKey = key,
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
        if (Validate)
        {
            Check(connection);
        }

        MayarConnectionStore.Set(SessionState, connection);
        CommandTrace.WriteVerboseLine(this, $"Connected: {connection}.");
        if (PassThru)
        {
            MayarTypeData.Write(this, connection);
        }
    }

    // -Validate: one read; anything but an accepted key ends the command before the connection is stored.
    private void Check(MayarConnection connection)
    {
        var client = connection.Client;
        var test = ConnectionProbe.Run(this, client, null, StopToken);
        if (test.KeyAccepted == true)
        {
            CommandTrace.WriteVerboseLine(this, client.Redactor.Redact("Validated: " + test.Message)!);
            if (test.Is(MayarConnectionStatus.Forbidden))
            {
                Warn(client.Redactor.Redact(test.Message)!);
            }

            return;
        }

        var error = test.GetError()!;
        var kept = MayarConnectionStore.Get(SessionState) is { } previous ? $"the default connection is still {previous}" : "there is no default connection";
        var text = client.Redactor.Redact($"{error.Message} Connect-Mayar -Validate did not store the connection: {kept}.");
        ThrowTerminatingError(new ErrorRecord(error, error.ErrorId, MayarErrorRecords.CategoryOf(error.Kind), client.BaseUri)
        {
            ErrorDetails = new ErrorDetails(text)
            {
                RecommendedAction = Advice(test),
            },
        });
    }

    // Under -Debug (without -WarningAction) PowerShell sets a compiled cmdlet's warning preference to Inquire, so a
    // warning asks "Continue with this operation?" and fails under pwsh -NonInteractive: as with the verbose lines
    // (CommandTrace.VerboseGoesToDebug), the user asked for the most detail, so the warning goes to the debug stream.
    private void Warn(string text) => CommandTrace.WriteWarningLine(this, text);

    private static string Advice(MayarConnectionTest test) =>
        test.Is(MayarConnectionStatus.KeyRefused) ? "Check the key, and that it belongs to this environment (a Sandbox key does not work with Production), then run Connect-Mayar again."
        : test.Is(MayarConnectionStatus.RateLimited) || test.Is(MayarConnectionStatus.ServerError) ? "The API could not check the key just now: run Connect-Mayar -Validate again in a moment (without -Validate the connection is stored untested)."
        : "Check the network and -Environment or -BaseUri, then run Connect-Mayar -Validate again (without -Validate the connection is stored untested).";

    private MayarApiKey ResolveKey(out bool plainText)
    {
        plainText = false;
        if (ApiKey is not null)
        {
            return ApiKeyArgument.Read(ApiKey, nameof(ApiKey), out plainText);
        }

        var fromEnvironment = System.Environment.GetEnvironmentVariable(MayarEnvironmentVariables.ApiKey);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            throw new MayarArgumentException(nameof(ApiKey), "is required: pass -ApiKey (Read-Host -AsSecureString 'Mayar API key') or set $env:MAYAR_API_KEY.");
        }

        return MayarApiKey.FromString(fromEnvironment, "$env:" + MayarEnvironmentVariables.ApiKey);
    }
}
