namespace Mayar.Credit.Client;

/// <summary>The Mayar environments with a documented host.</summary>
public enum MayarEnvironment
{
    /// <summary>https://api.mayar.id</summary>
    Production,

    /// <summary>https://api.mayar.club</summary>
    Sandbox,

    /// <summary>Any other base URI, e.g. the local emulator.</summary>
    Custom,
}
