using System;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>One emulator per test class, on a free loopback port, over real HTTP.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    // Recognisable, so the secrets tests can search for it anywhere.
    public const string ApiKey = "sk-TEST-0123456789-SECRET-abcdef";

    public RunningEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", ApiKey = ApiKey });

        // One request before the tests, so the first test's timing does not include compiling both ends.
        using var http = new System.Net.Http.HttpClient { BaseAddress = Emulator.BaseUri };
        using var warmUp = await http.GetAsync("/_emulator/requests");
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
    }
}
