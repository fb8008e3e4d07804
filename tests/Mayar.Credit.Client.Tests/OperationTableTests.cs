using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The operations table covers every operation of the client, and each row round-trips through the emulator.</summary>
public sealed class OperationTableTests : EmulatorTest
{
    public OperationTableTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    public static IEnumerable<object[]> Rows() => ApiOperation.Names.Select(name => new object[] { name });

    [Fact]
    public void Every_operation_of_the_client_has_exactly_one_row()
    {
        var operations = typeof(MayarOperation).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(MayarOperation).IsAssignableFrom(t))
            .OrderBy(t => t.Name)
            .ToList();
        Assert.NotEmpty(operations);
        Assert.Equal(operations, ApiOperation.All.Select(o => o.OperationType).OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_row_round_trips_and_a_write_is_stored_once(string name)
    {
        var operation = ApiOperation.Named(name);
        var before = operation.Stored(State);

        var result = await RunAsync(Client(), operation);

        Assert.NotNull(result);
        var sent = Assert.Single(Log);
        Assert.Equal(operation.Create().Path, sent.Path);
        var expected = operation.Create().Endpoint.IsRead ? 0 : 1;
        Assert.Equal(expected, operation.Stored(State) - before);
    }
}
