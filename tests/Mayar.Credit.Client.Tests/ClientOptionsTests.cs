using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using Xunit;

namespace Mayar.Credit.Client.Tests;

public sealed class ClientOptionsTests
{
    private static readonly MayarApiKey Key = MayarApiKey.FromString("sk-options-0123456789abcd");

    [Theory]
    [InlineData(MayarEnvironment.Production, "https://api.mayar.id/")]
    [InlineData(MayarEnvironment.Sandbox, "https://api.mayar.club/")]
    public void Environments_have_their_documented_hosts(MayarEnvironment environment, string expected)
    {
        var client = new MayarClient(new MayarClientOptions { ApiKey = Key, Environment = environment });
        Assert.Equal(new Uri(expected), client.BaseUri);
        Assert.Equal(environment, client.Environment);
    }

    [Theory]
    [InlineData("http://api.mayar.id")]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://user:pass@api.mayar.id")]
    [InlineData("https://api.mayar.id/?x=1")]
    public void Refuses_base_uris_that_would_leak_the_key_or_make_no_sense(string uri)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new MayarClient(new MayarClientOptions { ApiKey = Key, BaseUri = new Uri(uri) }));
        Assert.Equal("BaseUri", error.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    [InlineData("https://proxy.example.com/mayar", "https://proxy.example.com/mayar/")]
    public void Accepts_https_and_loopback_http(string uri, string expected)
    {
        var client = new MayarClient(new MayarClientOptions { ApiKey = Key, BaseUri = new Uri(uri) });
        Assert.Equal(new Uri(expected), client.BaseUri);
        Assert.Equal(MayarEnvironment.Custom, client.Environment);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(601)]
    public void Refuses_a_timeout_outside_1_to_600_seconds(double seconds)
    {
        var error = Assert.Throws<MayarArgumentException>(() => new MayarClient(new MayarClientOptions { ApiKey = Key, Timeout = TimeSpan.FromSeconds(seconds) }));
        Assert.Equal("TimeoutSec", error.ParamName);
    }

    [Fact]
    public void Requires_a_key()
    {
        var error = Assert.Throws<MayarArgumentException>(() => new MayarClient(new MayarClientOptions()));
        Assert.Equal("ApiKey", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer abcdefghijklmnop")]
    public void Refuses_an_empty_key_or_one_with_the_scheme(string key) =>
        Assert.Throws<MayarArgumentException>(() => MayarApiKey.FromString(key));

    [Fact]
    public void A_key_shows_only_its_last_four_characters()
    {
        var secure = new SecureString();
        foreach (var c in "jwt.payload.signature-3f9a")
        {
            secure.AppendChar(c);
        }

        var key = MayarApiKey.FromSecureString(secure);
        Assert.Equal("\u20263f9a", key.Hint);
        Assert.Equal(key.Hint, key.ToString());
        Assert.Equal("\u2026", MayarApiKey.FromString("short").Hint);
    }

    [Fact]
    public void Clients_for_one_host_share_one_http_client()
    {
        var a = MayarHttpClientPool.For(new Uri("https://api.mayar.club/"));
        var b = MayarHttpClientPool.For(new Uri("https://API.mayar.club/other/"));
        var c = MayarHttpClientPool.For(new Uri("https://api.mayar.id/"));
        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }

    [Fact]
    public void Environment_variables_are_ignored_without_a_key() =>
        Assert.Null(MayarEnvironmentVariables.ReadOptions(_ => null));

    [Fact]
    public void Environment_variables_give_key_environment_and_base_uri()
    {
        var variables = new Dictionary<string, string>
        {
            ["MAYAR_API_KEY"] = "sk-env-0123456789",
            ["MAYAR_ENVIRONMENT"] = "sandbox",
        };
        var options = MayarEnvironmentVariables.ReadOptions(name => variables.TryGetValue(name, out var v) ? v : null)!;
        Assert.Equal(MayarEnvironment.Sandbox, options.EffectiveEnvironment);

        variables["MAYAR_BASE_URI"] = "http://127.0.0.1:5080";
        options = MayarEnvironmentVariables.ReadOptions(name => variables.TryGetValue(name, out var v) ? v : null)!;
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), options.ResolveBaseUri());
    }

    [Theory]
    [InlineData("MAYAR_ENVIRONMENT", "Staging")]
    [InlineData("MAYAR_BASE_URI", "http://api.mayar.id")]
    [InlineData("MAYAR_BASE_URI", "not a uri")]
    public void Bad_environment_variables_name_the_variable(string name, string value)
    {
        var variables = new Dictionary<string, string> { ["MAYAR_API_KEY"] = "sk-env-0123456789", [name] = value };
        var error = Assert.Throws<MayarArgumentException>(() => MayarEnvironmentVariables.ReadOptions(n => variables.TryGetValue(n, out var v) ? v : null));
        Assert.Equal("$env:" + name, error.ParamName);
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void Whole_number_arguments_read_digits_only_whatever_the_current_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);

            // The transformation attribute's whole decision (it only unwraps PSObject first).
            Assert.Equal(300m, InvariantNumber.ConvertWholeArgument(" 300 "));
            Assert.Equal(1234567m, InvariantNumber.ConvertWholeArgument("1234567"));
            Assert.Equal(7m, InvariantNumber.ConvertWholeArgument(7));
            Assert.Equal(2.5m, InvariantNumber.ConvertWholeArgument(2.5d)); // refused by the rule, which names it
            foreach (var text in new[] { "12.50", "12,50", "1.234,50", "1e3" })
            {
                Assert.True(InvariantNumber.TryGetRefusal((decimal)InvariantNumber.ConvertWholeArgument(text)!, out _, out _), text);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Every_error_kind_has_a_distinct_stable_error_id()
    {
        var ids = new HashSet<string>();
        foreach (MayarErrorKind kind in Enum.GetValues(typeof(MayarErrorKind)))
        {
            var id = MayarErrorIds.For(kind);
            Assert.StartsWith("Mayar.", id);
            Assert.True(ids.Add(id), id);
        }
    }
}
