using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The credit-movement journal behind -JournalPath, on temporary files.</summary>
public sealed class CreditJournalTests : IDisposable
{
    private static readonly CreditJournalIdentity Local = new() { Environment = "Custom", BaseUri = "http://127.0.0.1:5080/" };

    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 13, 0, 0, 123, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mayar-journal-" + Guid.NewGuid().ToString("N"));

    public CreditJournalTests() => Directory.CreateDirectory(_folder);

    private string JournalPath => Path.Combine(_folder, "batch.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CreditJournalSend Add(string key, decimal amount = 100m) => new()
    {
        Key = key,
        Kind = "add",
        CustomerId = "0f0e8b8e-8f3a-4c1e-9d57-2a6b1c2d3e4f",
        ProductId = "43ea5e1c-7d2b-4f6a-8c9e-1b2a3c4d5e6f",
        Amount = amount,
        SentAt = Noon,
        ClockUncertainty = TimeSpan.FromMilliseconds(800),
    };

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

    private static CreditJournalOutcome Done(params string[] ids) => new()
    {
        Status = CreditJournalStatus.Done,
        At = Noon.AddSeconds(1),
        Reconciled = true,
        MatchedEntryIds = ids,
        BalanceAfter = 250m,
    };

    private static CreditJournalOutcome NotApplied(string reason = "Not enough credit") => new()
    {
        Status = CreditJournalStatus.NotApplied,
        At = Noon.AddSeconds(2),
        Reason = reason,
    };

    private static string[] LinesOf(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

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

    [Fact]
    public void Every_call_is_on_disk_when_it_returns_without_Dispose()
    {
        if (!FileOnDisk.CanReadWhileLocked)
        {
            return; // Windows: FileShare.None keeps every other reader out while the journal is open.
        }

        var journal = CreditJournal.Open(JournalPath, Local);
        try
        {
            Assert.Single(LinesOf(FileOnDisk.Read(JournalPath)));

            journal.RecordSent(Add("INV-1"));
            var afterSend = LinesOf(FileOnDisk.Read(JournalPath));
            Assert.Equal(2, afterSend.Length);
            Assert.Equal("sent", Json(afterSend[1]).GetProperty("event").GetString());

            journal.RecordOutcome("INV-1", NotApplied());
            var afterOutcome = FileOnDisk.Read(JournalPath);
            Assert.EndsWith("\n", afterOutcome);
            Assert.Equal("not-applied", Json(LinesOf(afterOutcome)[2]).GetProperty("event").GetString());
        }
        finally
        {
            journal.Dispose();
        }
    }

    [Fact]
    public void A_torn_last_line_is_ignored_removed_and_the_next_line_starts_whole()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
        }

        var whole = File.ReadAllText(JournalPath);
        const string torn = "{\"event\":\"done\",\"key\":\"INV-1\",\"at\":\"2026-12-";
        File.AppendAllText(JournalPath, torn);

        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            Assert.Equal(torn, journal.TornLine);
            Assert.Equal(CreditJournalStatus.Sent, Assert.Single(journal.Rows).Status);
            journal.RecordOutcome("INV-1", Done("e1"));
        }

        var text = File.ReadAllText(JournalPath);
        Assert.StartsWith(whole, text);
        var lines = LinesOf(text);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Json(line));
        Assert.EndsWith("\n", text);

        using var third = CreditJournal.Open(JournalPath, Local);
        Assert.Null(third.TornLine);
        Assert.Equal(CreditJournalStatus.Done, third.Find("INV-1")!.Status);
    }

    [Theory]
    [InlineData("\0\0\0\0\0\0")]
    [InlineData("{\"event\":\"sent\",\"key\":\"INV-2\",\"kind\":\"ad\n")]
    [InlineData("{\"event\":\"sent\",\"key\":\"INV-2\"\r\n\n  \n")]
    public void A_last_line_that_is_not_json_is_ignored_with_or_without_a_newline(string tail)
    {
        CreditJournal.Open(JournalPath, Local).Dispose();
        File.AppendAllText(JournalPath, tail);

        using var journal = CreditJournal.Open(JournalPath, Local);
        Assert.NotNull(journal.TornLine);
        Assert.Empty(journal.Rows);
        journal.RecordSent(Add("INV-3"));
        journal.Dispose();

        var lines = LinesOf(File.ReadAllText(JournalPath));
        Assert.Equal(2, lines.Length);
        Assert.Equal("INV-3", Json(lines[1]).GetProperty("key").GetString());
    }

    [Fact]
    public void A_whole_last_line_without_its_newline_counts_and_the_next_append_writes_the_newline_first()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
        }

        File.WriteAllText(JournalPath, File.ReadAllText(JournalPath).TrimEnd('\n'));

        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            Assert.Null(journal.TornLine);
            Assert.Equal(CreditJournalStatus.Sent, journal.Find("INV-1")!.Status);
            journal.RecordOutcome("INV-1", Done());
        }

        var lines = LinesOf(File.ReadAllText(JournalPath));
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Json(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\":\"Mayar.Cr")]
    [InlineData("{\"format\":\"Mayar.Credit.Journal\",\"version\":1,\"envir")]
    public void A_header_cut_short_by_a_crash_is_started_afresh(string start)
    {
        File.WriteAllText(JournalPath, start);

        CreditJournal.Open(JournalPath, Local).Dispose();

        var header = Json(Assert.Single(LinesOf(File.ReadAllText(JournalPath))));
        Assert.Equal("Mayar.Credit.Journal", header.GetProperty("format").GetString());
    }

    [Fact]
    public void A_bad_line_before_the_last_is_refused_naming_the_line_and_the_file_is_left_as_it_is()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordSent(Add("INV-2"));
        }

        var lines = File.ReadAllLines(JournalPath);
        lines[1] = lines[1].Substring(0, 30);
        File.WriteAllLines(JournalPath, lines);
        var before = File.ReadAllBytes(JournalPath);

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, Local));

        Assert.StartsWith($"cannot read the journal '{Path.GetFullPath(JournalPath)}': line 2: it is not valid JSON", error.Message);
        Assert.Equal(Path.GetFullPath(JournalPath), error.Path);
        Assert.Equal(before, File.ReadAllBytes(JournalPath));
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

    public static TheoryData<string, Action<CreditJournalSend>, string> ChangedFields => new()
    {
        { "Kind", s => s.Kind = "spend", "has Kind 'spend' now but 'add' in the journal" },
        { "CustomerId", s => s.CustomerId = "11111111-8f3a-4c1e-9d57-2a6b1c2d3e4f", "has CustomerId '11111111-8f3a-4c1e-9d57-2a6b1c2d3e4f' now but '0f0e8b8e-8f3a-4c1e-9d57-2a6b1c2d3e4f' in the journal" },
        { "ProductId", s => s.ProductId = "22222222-7d2b-4f6a-8c9e-1b2a3c4d5e6f", "has ProductId '22222222-7d2b-4f6a-8c9e-1b2a3c4d5e6f' now but '43ea5e1c-7d2b-4f6a-8c9e-1b2a3c4d5e6f' in the journal" },
        { "MembershipTierId", s => s.MembershipTierId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "has MembershipTierId '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' now but (none) in the journal" },
        { "MemberId", s => s.MemberId = "AB12CD34", "has MemberId 'AB12CD34' now but (none) in the journal" },
        { "Amount", s => s.Amount = 150m, "has Amount 150 now but 100 in the journal" },
    };

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public void A_key_whose_details_changed_is_refused_naming_the_key_the_field_and_both_values(string field, Action<CreditJournalSend> change, string expected)
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordOutcome("INV-1", NotApplied());
        }

        var before = File.ReadAllText(JournalPath);
        using var reopened = CreditJournal.Open(JournalPath, Local);
        var changed = Add("INV-1");
        change(changed);

        var checkError = Assert.Throws<CreditJournalException>(() => reopened.Check(changed));
        var sendError = Assert.Throws<CreditJournalException>(() => reopened.RecordSent(changed));

        Assert.StartsWith("the input changed since the journal was written: key 'INV-1' " + expected, checkError.Message);
        Assert.Contains(field, checkError.Message);
        Assert.Equal(checkError.Message, sendError.Message);
        Assert.Equal(reopened.Path, checkError.Path);
        reopened.Dispose();
        Assert.Equal(before, File.ReadAllText(JournalPath));
    }

    [Fact]
    public void The_same_details_pass_the_check_whatever_the_id_case_and_the_amount_scale()
    {
        using var journal = CreditJournal.Open(JournalPath, Local);
        journal.RecordSent(Add("INV-1"));
        var same = Add("INV-1", 100.00m);
        same.CustomerId = same.CustomerId.ToUpperInvariant();
        same.SentAt = Noon.AddHours(1);

        journal.Check(same);
        journal.Check(Add("INV-2", 5m));
    }

    [Fact]
    public void A_second_open_is_refused_while_the_first_is_held_and_allowed_after_Dispose()
    {
        var first = CreditJournal.Open(JournalPath, Local);

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(JournalPath, Local));
        Assert.Equal(
            $"the journal '{Path.GetFullPath(JournalPath)}' is in use by another process or command; wait for it to finish or use another -JournalPath.",
            error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);

        first.Dispose();
        first.Dispose();
        using var second = CreditJournal.Open(JournalPath, Local);
        Assert.Empty(second.Rows);
    }

    [Fact]
    public void Another_process_sees_the_lock_where_it_uses_flock()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !File.Exists("/usr/bin/flock"))
        {
            return; // Windows: the sharing lock is the operating system's; elsewhere flock(1) is needed to look.
        }

        using (CreditJournal.Open(JournalPath, Local))
        {
            Assert.Equal(1, FlockExitCode(JournalPath));
        }

        Assert.Equal(0, FlockExitCode(JournalPath));
    }

    [Fact]
    public async Task Eight_threads_recording_fifty_rows_each_write_800_whole_lines()
    {
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            using var start = new Barrier(8);
            var workers = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    for (var i = 0; i < 50; i++)
                    {
                        var key = $"T{t}-R{i}";
                        journal.RecordSent(Add(key, t * 1000 + i));
                        journal.RecordOutcome(key, Done("entry-" + key));
                    }
                },
                TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);
        }

        var text = File.ReadAllText(JournalPath);
        var lines = LinesOf(text);
        Assert.Equal(801, lines.Length);
        Assert.Equal(801, text.Count(c => c == '\n'));
        var events = lines.Skip(1).Select(Json).ToArray();
        Assert.Equal(400, events.Count(e => e.GetProperty("event").GetString() == "sent"));
        Assert.Equal(400, events.Count(e => e.GetProperty("event").GetString() == "done"));

        using var reopened = CreditJournal.Open(JournalPath, Local);
        Assert.Equal(400, reopened.Rows.Count);
        Assert.All(reopened.Rows, row => Assert.Equal(CreditJournalStatus.Done, row.Status));
        Assert.All(reopened.Rows, row => Assert.Equal("entry-" + row.Send.Key, Assert.Single(row.Outcome!.MatchedEntryIds)));
    }

    [Fact]
    public void A_row_not_applied_is_sent_again_and_its_row_holds_the_latest_send_and_the_outcome_after_it()
    {
        var retry = Add("INV-1");
        retry.SentAt = Noon.AddMinutes(5);
        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            journal.RecordSent(Add("INV-1"));
            journal.RecordOutcome("INV-1", NotApplied());
            journal.RecordSent(retry);

            var row = journal.Find("INV-1")!;
            Assert.Equal(retry.SentAt, row.Send.SentAt);
            Assert.Null(row.Outcome);
            Assert.Equal(CreditJournalStatus.Sent, row.Status);
        }

        using (var journal = CreditJournal.Open(JournalPath, Local))
        {
            var row = Assert.Single(journal.Rows);
            Assert.Equal(retry.SentAt, row.Send.SentAt);
            Assert.Null(row.Outcome);
            journal.RecordOutcome("INV-1", Done("e7"));
        }

        using var third = CreditJournal.Open(JournalPath, Local);
        var done = Assert.Single(third.Rows);
        Assert.Equal(CreditJournalStatus.Done, done.Status);
        Assert.Equal(retry.SentAt, done.Send.SentAt);
    }

    [Fact]
    public void An_unknown_outcome_can_be_settled_later_by_another_outcome()
    {
        using var journal = CreditJournal.Open(JournalPath, Local);
        journal.RecordSent(Add("INV-1"));
        journal.RecordOutcome("INV-1", new CreditJournalOutcome { Status = CreditJournalStatus.Unknown, At = Noon, Reason = "timed out", Check = "Get-MayarCreditHistory" });
        journal.RecordOutcome("INV-1", Done("e1"));

        Assert.Equal(CreditJournalStatus.Done, journal.Find("INV-1")!.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_key_that_is_sent_and_not_NotApplied_is_not_sent_again(bool withOutcome)
    {
        using var journal = CreditJournal.Open(JournalPath, Local);
        journal.RecordSent(Add("INV-1"));
        if (withOutcome)
        {
            journal.RecordOutcome("INV-1", Done());
        }

        var error = Assert.Throws<InvalidOperationException>(() => journal.RecordSent(Add("INV-1")));

        Assert.Contains(withOutcome ? "is Done" : "is Sent", error.Message);
    }

    [Fact]
    public void An_outcome_for_a_key_never_sent_is_a_caller_bug()
    {
        using var journal = CreditJournal.Open(JournalPath, Local);

        Assert.Throws<InvalidOperationException>(() => journal.RecordOutcome("INV-9", Done()));
        Assert.Throws<ArgumentException>(() => journal.RecordOutcome("INV-9", new CreditJournalOutcome { Status = CreditJournalStatus.Sent }));
        Assert.Throws<ArgumentException>(() => journal.RecordSent(new CreditJournalSend { Key = "INV-1", Kind = "refund" }));
        Assert.Throws<ArgumentException>(() => journal.RecordSent(new CreditJournalSend { Kind = "add" }));
    }

    [Fact]
    public void The_rows_keep_what_was_recorded_when_the_caller_changes_its_objects_afterwards()
    {
        using var journal = CreditJournal.Open(JournalPath, Local);
        var send = Add("INV-1");
        var ids = new List<string> { "e1" };
        var outcome = Done();
        outcome.MatchedEntryIds = ids;
        journal.RecordSent(send);
        journal.RecordOutcome("INV-1", outcome);

        send.Amount = 999m;
        ids.Add("e2");
        outcome.Status = CreditJournalStatus.NotApplied;

        var row = journal.Find("INV-1")!;
        Assert.Equal(100m, row.Send.Amount);
        Assert.Equal(CreditJournalStatus.Done, row.Status);
        Assert.Equal(new[] { "e1" }, row.Outcome!.MatchedEntryIds);
        Assert.Throws<CreditJournalException>(() => journal.Check(send));
    }

    [Fact]
    public void A_closed_journal_records_nothing()
    {
        var journal = CreditJournal.Open(JournalPath, Local);
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.RecordSent(Add("INV-1")));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_refused_naming_the_file()
    {
        var path = Path.Combine(_folder, "missing", "batch.jsonl");

        var error = Assert.Throws<CreditJournalException>(() => CreditJournal.Open(path, Local));

        Assert.StartsWith($"cannot open the journal '{path}': ", error.Message);
        Assert.Equal(path, error.Path);
    }

    private static int FlockExitCode(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/flock") { UseShellExecute = false };
        foreach (var argument in new[] { "--nonblock", "--exclusive", path, "true" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Reads a file past .NET's FileShare emulation (an advisory flock on Unix), as another program would.</summary>
    private static class FileOnDisk
    {
        public static bool CanReadWhileLocked => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static string Read(string path)
        {
            var descriptor = open(path, 0);
            Assert.True(descriptor >= 0, "open failed: " + Marshal.GetLastPInvokeError());
            try
            {
                var content = new List<byte>();
                var buffer = new byte[4096];
                nint count;
                while ((count = read(descriptor, buffer, buffer.Length)) > 0)
                {
                    content.AddRange(buffer.Take((int)count));
                }

                Assert.True(count == 0, "read failed: " + Marshal.GetLastPInvokeError());
                return Encoding.UTF8.GetString(content.ToArray());
            }
            finally
            {
                _ = close(descriptor);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern nint read(int descriptor, byte[] buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int descriptor);
    }
}
