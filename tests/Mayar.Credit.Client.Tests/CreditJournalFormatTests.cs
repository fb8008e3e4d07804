using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The journal's file format: the header, one JSON line per event read back whole, and the files it refuses to read.</summary>
public sealed class CreditJournalFormatTests : CreditJournalTest
{
    private static CreditJournalSend Spend(string key) => new()
    {
        Key = key,
        Kind = "spend",
        CustomerId = "0f0e8b8e-8f3a-4c1e-9d57-2a6b1c2d3e4f",
        ProductId = "43ea5e1c-7d2b-4f6a-8c9e-1b2a3c4d5e6f",
        MembershipTierId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        MemberId = "AB12CD34",
        Amount = 12.50m,
        SentAt = new DateTimeOffset(2026, 12, 2, 20, 0, 1, TimeSpan.FromHours(7)).AddTicks(5),
        ClockUncertainty = null,
    };

    [Fact]
    public void Open_creates_the_file_with_a_header_naming_the_format_version_and_identity()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            Assert.Equal(Path.GetFullPath(JournalPath), journal.Path);
            Assert.Empty(journal.Rows);
            Assert.Null(journal.TornLine);
        }

        var text = File.ReadAllText(JournalPath);
        Assert.EndsWith("\n", text);
        Assert.StartsWith("{\"format\":\"Mayar.Credit.Journal\",\"version\":1,\"environment\":\"Custom\",\"baseUri\":\"http://127.0.0.1:5080/\",\"createdAt\":\"", text);
        var header = Json(Assert.Single(LinesOf(text)));
        Assert.True(header.GetProperty("createdAt").TryGetDateTimeOffset(out var createdAt));
        Assert.InRange(createdAt, DateTimeOffset.Now.AddMinutes(-1), DateTimeOffset.Now.AddMinutes(1));
    }

    [Fact]
    public void An_empty_file_gets_a_header_and_a_reopened_journal_keeps_its_one_header()
    {
        File.WriteAllBytes(JournalPath, Array.Empty<byte>());
        CreditJournal.Open(JournalPath, Local).Dispose();
        CreditJournal.Open(JournalPath, Local).Dispose();

        Assert.Single(LinesOf(File.ReadAllText(JournalPath)));
    }

    [Fact]
    public void Lines_are_json_a_person_can_read_with_invariant_numbers_and_round_trip_times()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordOutcome("INV-1", Done("e1", "e2"));
            journal.RecordSent(Spend("INV-2"));
            journal.RecordOutcome("INV-2", new CreditJournalOutcome
            {
                Status = CreditJournalStatus.Unknown,
                At = Noon,
                Reason = "the server didn't answer in 30 s; Ağaoğlu's top-up <may> & may not\nhave moved",
                Check = "Get-MayarCreditHistory -CustomerId 0f0e8b8e -ProductId 43ea5e1c",
            });
        }

        var lines = LinesOf(File.ReadAllText(JournalPath));
        Assert.Equal(5, lines.Length);
        Assert.Equal(
            "{\"event\":\"sent\",\"key\":\"INV-1\",\"kind\":\"add\",\"customerId\":\"0f0e8b8e-8f3a-4c1e-9d57-2a6b1c2d3e4f\",\"productId\":\"43ea5e1c-7d2b-4f6a-8c9e-1b2a3c4d5e6f\",\"amount\":100,\"sentAt\":\"2026-12-02T13:00:00.123+00:00\",\"clockUncertaintyMs\":800}",
            lines[1]);
        Assert.Equal(
            "{\"event\":\"done\",\"key\":\"INV-1\",\"at\":\"2026-12-02T13:00:01.123+00:00\",\"reconciled\":true,\"matchedEntryIds\":[\"e1\",\"e2\"],\"balanceAfter\":250}",
            lines[2]);
        Assert.Contains("\"membershipTierId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"memberId\":\"AB12CD34\",\"amount\":12.50,\"sentAt\":\"2026-12-02T20:00:01.0000005+07:00\"}", lines[3]);
        Assert.DoesNotContain("clockUncertaintyMs", lines[3]);
        Assert.StartsWith("{\"event\":\"unknown\",\"key\":\"INV-2\",", lines[4]);

        // Letters, apostrophes, '&' and '<' stay as they are; the newline is escaped, so the line stays one line.
        Assert.Contains("\"reason\":\"the server didn't answer in 30 s; Ağaoğlu's top-up <may> & may not\\nhave moved\"", lines[4]);
        Assert.Contains("\"check\":\"Get-MayarCreditHistory -CustomerId 0f0e8b8e -ProductId 43ea5e1c\"", lines[4]);
    }

    [Fact]
    public void Sends_and_outcomes_come_back_whole_when_the_journal_is_reopened()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordOutcome("INV-1", Done("e1"));
            journal.RecordSent(Spend("INV-2"));
            journal.RecordOutcome("INV-2", new CreditJournalOutcome { Status = CreditJournalStatus.Done, At = Noon, Wallet = "MEMBERSHIP", FromWallet = 10m, FromAddOn = 2.5m });
            journal.RecordSent(Add("INV-3", 7m));
            journal.RecordSent(new CreditJournalSend { Key = "INV-4", Kind = "add", CustomerId = "c", ProductId = "p", Amount = 1m, SentAt = Noon, ClockUncertainty = TimeSpan.FromTicks(8_005_001) });
        }

        using var reopened = CreditJournal.Open(JournalPath, Local);
        Assert.Equal(new[] { "INV-1", "INV-2", "INV-3", "INV-4" }, reopened.Rows.Select(r => r.Send.Key));
        Assert.Equal(
            new[] { CreditJournalStatus.Done, CreditJournalStatus.Done, CreditJournalStatus.Sent, CreditJournalStatus.Sent },
            reopened.Rows.Select(r => r.Status));

        var add = reopened.Find("INV-1")!;
        Assert.Equal("add", add.Send.Kind);
        Assert.Equal(100m, add.Send.Amount);
        Assert.Equal(Noon, add.Send.SentAt);
        Assert.Equal(TimeSpan.Zero, add.Send.SentAt.Offset);
        Assert.Equal(TimeSpan.FromMilliseconds(800), add.Send.ClockUncertainty);
        Assert.True(add.Outcome!.Reconciled);
        Assert.Equal(new[] { "e1" }, add.Outcome.MatchedEntryIds);
        Assert.Equal(250m, add.Outcome.BalanceAfter);
        Assert.Equal(Noon.AddSeconds(1), add.Outcome.At);

        var spend = reopened.Find("INV-2")!;
        Assert.Equal("spend", spend.Send.Kind);
        Assert.Equal("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", spend.Send.MembershipTierId);
        Assert.Equal("AB12CD34", spend.Send.MemberId);
        Assert.Equal("12.50", spend.Send.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Spend("x").SentAt, spend.Send.SentAt);
        Assert.Equal(TimeSpan.FromHours(7), spend.Send.SentAt.Offset);
        Assert.Null(spend.Send.ClockUncertainty);
        Assert.Equal("MEMBERSHIP", spend.Outcome!.Wallet);
        Assert.Equal(10m, spend.Outcome.FromWallet);
        Assert.Equal(2.5m, spend.Outcome.FromAddOn);
        Assert.False(spend.Outcome.Reconciled);
        Assert.Empty(spend.Outcome.MatchedEntryIds);
        Assert.Null(spend.Outcome.BalanceAfter);

        Assert.Null(reopened.Find("INV-3")!.Outcome);
        Assert.Equal(TimeSpan.FromTicks(8_005_001), reopened.Find("INV-4")!.Send.ClockUncertainty);
        Assert.Null(reopened.Find("INV-5"));
    }

    [Theory]
    [InlineData("{\"event\":\"sent\",\"key\":\"INV-1\",\"kind\":\"add\",\"customerId\":\"c\",\"productId\":\"p\",\"amount\":1,\"sentAt\":\"2026-12-02T13:00:00+00:00\"}\n", "line 1: it is not a Mayar.Credit journal")]
    [InlineData("customer,amount\nc1,100\n", "line 1: it is not a Mayar.Credit journal (the first line is not JSON)")]
    [InlineData("{\"format\":\"Other.Tool\",\"version\":1}\n", "line 1: it is not a Mayar.Credit journal")]
    [InlineData("{\"format\":\"Mayar.Credit.Journal\",\"version\":2,\"environment\":\"Custom\",\"baseUri\":\"http://127.0.0.1:5080/\"}\n", "line 1: it is version 2, written by a newer Mayar.Credit; this one reads version 1")]
    [InlineData("{\"format\":\"Mayar.Credit.Journal\",\"version\":\"one\",\"environment\":\"Custom\",\"baseUri\":\"http://127.0.0.1:5080/\"}\n", "line 1: the header's \"version\" must be")]
    [InlineData("{\"format\":\"Mayar.Credit.Journal\",\"version\":1,\"baseUri\":\"http://127.0.0.1:5080/\"}\n", "line 1: \"environment\" is missing")]
    public void A_file_that_is_not_a_journal_this_version_reads_is_refused(string content, string problem)
    {
        File.WriteAllText(JournalPath, content);

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, Local));

        Assert.Contains(problem, error.Message);
        Assert.Equal(content, File.ReadAllText(JournalPath));
    }

    [Theory]
    [InlineData("{\"event\":\"done\",\"key\":\"INV-9\",\"at\":\"2026-12-02T13:00:00+00:00\"}", "line 2: there is an outcome for key 'INV-9', which was never sent")]
    [InlineData("{\"event\":\"refunded\",\"key\":\"INV-1\"}", "line 2: \"event\" is \"refunded\"")]
    [InlineData("{\"event\":\"sent\",\"key\":\"INV-1\",\"kind\":\"add\",\"customerId\":\"c\",\"productId\":\"p\",\"amount\":\"lots\",\"sentAt\":\"2026-12-02T13:00:00+00:00\"}", "line 2: \"amount\" must be a number")]
    [InlineData("{\"event\":\"sent\",\"key\":\"INV-1\",\"kind\":\"add\",\"customerId\":\"c\",\"productId\":\"p\",\"amount\":1,\"sentAt\":\"yesterday\"}", "line 2: \"sentAt\" must be an ISO 8601 time")]
    public void An_event_line_that_breaks_the_rules_is_refused_even_as_the_last_line(string line, string problem)
    {
        CreditJournal.Open(JournalPath, Local).Dispose();
        File.AppendAllText(JournalPath, line + "\n");

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, Local));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_file_that_sends_a_done_key_again_is_refused_as_the_writer_never_does_that()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordOutcome("INV-1", Done());
        }

        var lines = File.ReadAllLines(JournalPath);
        File.AppendAllText(JournalPath, lines[1] + "\n");

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, Local));

        Assert.Contains("line 4: key 'INV-1' was already sent and is Done", error.Message);
    }

    [Theory]
    [InlineData("Sandbox", "http://127.0.0.1:5080/")]
    [InlineData("Custom", "http://127.0.0.1:5081/")]
    public void A_journal_written_for_another_identity_is_refused_naming_both(string environment, string baseUri)
    {
        CreditJournal.Open(JournalPath, Local).Dispose();

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, new CreditJournalIdentity { Environment = environment, BaseUri = baseUri }));

        Assert.Contains("was written for Custom http://127.0.0.1:5080/, not for " + environment + " " + baseUri, error.Message);
    }

    [Fact]
    public void The_identity_matches_whatever_the_case_and_a_trailing_slash()
    {
        CreditJournal.Open(JournalPath, Local).Dispose();

        CreditJournal.Open(JournalPath, new CreditJournalIdentity { Environment = "custom", BaseUri = "HTTP://127.0.0.1:5080" }).Dispose();
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_refused_naming_the_file()
    {
        var path = Path.Combine(Folder, "missing", "batch.jsonl");

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(path, Local));

        Assert.StartsWith($"cannot open the journal '{path}': ", error.Message);
        Assert.Equal(path, error.Path);
    }
}
