using Xunit;

namespace Mayar.Credit.Tests;

[CollectionDefinition(Name)]
public sealed class ModuleCollection : ICollectionFixture<ModuleMetadata>
{
    public const string Name = "staged module";
}
