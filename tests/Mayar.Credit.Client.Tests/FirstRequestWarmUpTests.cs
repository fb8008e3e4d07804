using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The import-time warm-up: one balance read through a real client, answered in memory.</summary>
public sealed class FirstRequestWarmUpTests
{
    [Fact]
    public async Task Reads_its_balance_through_the_whole_client_without_a_network() =>
        Assert.True(await FirstRequestWarmUp.RunAsync());
}
