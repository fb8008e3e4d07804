using System;
using System.IO;
using System.Text.Json;

namespace Mayar.Credit.Client.Tests;

/// <summary>Base of the tests of the credit-movement journal behind -JournalPath: each test has its own temporary folder.</summary>
public abstract class CreditJournalTest : IDisposable
{
    protected static readonly CreditJournalIdentity Local = new() { Environment = "Custom", BaseUri = "http://127.0.0.1:5080/" };

    protected static readonly DateTimeOffset Noon = new(2026, 12, 2, 13, 0, 0, 123, TimeSpan.Zero);

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "mayar-journal-" + Guid.NewGuid().ToString("N"));

    protected CreditJournalTest() => Directory.CreateDirectory(Folder);

    protected string JournalPath => Path.Combine(Folder, "batch.jsonl");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    protected static CreditJournalSend Add(string key, decimal amount = 100m) => new()
    {
        Key = key,
        Kind = "add",
        CustomerId = "0f0e8b8e-8f3a-4c1e-9d57-2a6b1c2d3e4f",
        ProductId = "43ea5e1c-7d2b-4f6a-8c9e-1b2a3c4d5e6f",
        Amount = amount,
        SentAt = Noon,
        ClockUncertainty = TimeSpan.FromMilliseconds(800),
    };

    protected static CreditJournalOutcome Done(params string[] ids) => new()
    {
        Status = CreditJournalStatus.Done,
        At = Noon.AddSeconds(1),
        Reconciled = true,
        MatchedEntryIds = ids,
        BalanceAfter = 250m,
    };

    protected static CreditJournalOutcome NotApplied(string reason = "Not enough credit") => new()
    {
        Status = CreditJournalStatus.NotApplied,
        At = Noon.AddSeconds(2),
        Reason = reason,
    };

    protected static string[] LinesOf(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    protected static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;
}
