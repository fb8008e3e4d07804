namespace Mayar.Credit.Client.Tests;

/// <summary>The client's three operations, for tests that drive each of them the same way.</summary>
public enum ApiOperation
{
    Register,
    CreateCustomer,
    Balance,
}
