using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;

namespace Mayar.Credit.Client;

/// <summary>
/// One <see cref="HttpClient"/> per scheme and authority for the whole process, so connections are
/// pooled across connections and runspaces. The clients hold no per-account state: authentication goes
/// on each request message, never on DefaultRequestHeaders.
/// </summary>
internal static class MayarHttpClientPool
{
    private static readonly ConcurrentDictionary<string, HttpClient> Clients = new(StringComparer.OrdinalIgnoreCase);

    public static HttpClient For(Uri baseUri) =>
        Clients.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), _ => Create(baseUri));

    private static HttpClient Create(Uri baseUri)
    {
        // Windows PowerShell 5.1: TLS 1.2 added, and more than 2 connections per host.
        NetFrameworkNetworking.Apply(baseUri);

        var handler = new HttpClientHandler
        {
            // A redirected POST can turn into a GET or be re-sent: treat redirects as answers instead.
            AllowAutoRedirect = false,
            UseCookies = false,
        };

        // Timeouts are per request (a linked CancellationTokenSource), so one client can serve connections with different limits.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
