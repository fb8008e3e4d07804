namespace Mayar.Credit.Emulator.Domain;

/// <summary>What a spend did: spent (how much from each wallet), or why not.</summary>
public enum SpendStatus
{
    Spent,
    NoAccount,
    Insufficient,
}

/// <summary>What a spend did; <see cref="MainWallet"/> names the first wallet: MAIN, or MEMBERSHIP for a member.</summary>
public readonly record struct SpendResult(SpendStatus Status, decimal FromMain, decimal FromAddOn, string MainWallet = "MAIN");
