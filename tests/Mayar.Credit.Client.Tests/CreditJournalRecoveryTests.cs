using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>The journal after a kill: every call is on disk when it returns, a line or header cut short is dropped, a row is taken up again.</summary>
public sealed class CreditJournalRecoveryTests : CreditJournalTest
{
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
