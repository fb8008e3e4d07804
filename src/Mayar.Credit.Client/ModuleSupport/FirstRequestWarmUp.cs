using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Compiles the first request's code on a spare core while PowerShell is still importing the module (reading the
/// format and types files) and running Connect-Mayar: one balance read through a real <see cref="MayarClient"/>
/// (input rules, pacing, retry, transport, tracing, response reading, System.Text.Json metadata), answered by an
/// in-memory handler. Nothing leaves the process and no shared state is touched: the client, its HttpClient and its
/// key are its own, and nothing is written anywhere. A scheduled script starts a new process every run, so this is
/// most of what its first call would otherwise compile while it waits (docs/performance.md, "Cold start").
/// </summary>
public static class FirstRequestWarmUp
{
    private const string Balance = "{\"statusCode\":200,\"message\":\"success\",\"customerBalance\":3,\"customerMainBalance\":2,\"customerBalanceAddon\":1}";
    private static int _started;

    /// <summary>
    /// Starts the warm-up once per process, on the thread pool; it never throws and never blocks the caller. With a
    /// single processor there is no spare core: the same work would only compete with the import, so it is skipped.
    /// </summary>
    public static void Start()
    {
        if (Environment.ProcessorCount > 1 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    /// <summary>The balance read itself; false when any step failed (which only means less was compiled ahead).</summary>
    internal static async Task<bool> RunAsync()
    {
        try
        {
            using var http = new HttpClient(new CannedAnswer(), disposeHandler: true);
            var client = new MayarClient(
                new MayarClientOptions
                {
                    ApiKey = MayarApiKey.FromString("first-request-warm-up", "ApiKey"),
                    BaseUri = new Uri("http://127.0.0.1/"),
                    MaxRetries = 0,
                    RequestsPerMinute = 0,
                },
                http);
            var query = new GetCreditBalanceRequest { CustomerId = Guid.Empty.ToString(), ProductId = Guid.Empty.ToString() };
            var balance = await client.GetCreditBalanceAsync(query, new IgnoredTrace()).ConfigureAwait(false);
            return balance.Balance == 3;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Answers every request with one balance, as the API does, without a network.</summary>
    private sealed class CannedAnswer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(Balance, Encoding.UTF8, "application/json"),
            };
            response.Headers.Date = DateTimeOffset.UtcNow;
            return Task.FromResult(response);
        }
    }

    /// <summary>A listener, so that the trace records are built as a cmdlet's are; they go nowhere.</summary>
    private sealed class IgnoredTrace : IMayarTraceListener
    {
        public void OnRequestCompleted(MayarRequestRecord record)
        {
        }

        public void OnWaiting(MayarWaitRecord record)
        {
        }

        public void OnReconciled(MayarReconcileRecord record)
        {
        }
    }
}
