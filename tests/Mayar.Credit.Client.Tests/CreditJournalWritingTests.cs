using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Recording in the journal: one writer per file, many threads at once, and the rules a key's sends and outcomes keep.</summary>
public sealed class CreditJournalWritingTests : CreditJournalTest
{
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
}
