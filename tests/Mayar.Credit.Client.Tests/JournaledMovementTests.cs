using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Domain;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Issue 14: a journal makes a batch safe to re-run; judged by the emulator's ledger and request log.</summary>
public sealed class JournaledMovementTests : EmulatorTest, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mayar-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public JournaledMovementTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    public void Dispose()
    {
        File.Delete(_path);
    }

    [Fact]
    public async Task A_row_done_before_is_not_sent_again_and_comes_back_from_the_journal()
    {
        var account = await NewAccountAsync();
        var client = Client();
        using (var journal = Open())
        {
            var first = (CreditTopUp)await client.SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1");
            Assert.False(first.FromJournal);
            Assert.Equal("row-1", first.Reference);
        }

        State.Harness.Log.Clear();
        using (var journal = Open())
        {
            var again = (CreditTopUp)await Client().SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1");
            Assert.True(again.FromJournal);
            Assert.Equal("row-1", again.Reference);
        }

        Assert.Empty(Log);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_row_sent_by_a_process_that_died_is_reconciled_before_anything_is_sent(bool processed)
    {
        var account = await NewAccountAsync();
        // The earlier process: a same-amount row done, then the row in flight when it died.
        using (var journal = Open())
        {
            await Client().SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1");
            journal.RecordSent(CreditJournalRecords.SendOf(new AddCreditOperation(account.Move(100)), "row-2", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(2)));
            if (processed)
            {
                State.Store.AddCredit(account.CustomerId, account.ProductId, 100, CreditWallet.AddOn, LedgerEntryType.AddCredit);
            }
        }

        State.Harness.Log.Clear();
        using (var journal = Open())
        {
            var resumed = (CreditTopUp)await Client().SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-2");
            Assert.Equal(processed, resumed.Reconciled);
            Assert.Equal(CreditJournalStatus.Done, journal.Find("row-2")!.Status);
        }

        Assert.Equal(processed ? 0 : 1, Log.Count(e => e.Path == MayarRoutes.AddCredit));
        Assert.Equal(new[] { 100m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task A_row_whose_outcome_is_unknown_stays_unknown_and_is_never_sent()
    {
        var account = await NewAccountAsync();
        Fault(new FaultRule { Path = MayarRoutes.AddCredit, Kind = "drop-after" });
        Fault(new FaultRule { Path = "/credit/v1/credit/customer/paginate-credit-history/" + account.CustomerId, Status = 503, Count = 0 });
        using (var journal = Open())
        {
            var error = await FailsAsync(() => Client().SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1"));
            Assert.Equal(MayarErrorKind.OutcomeUnknown, error.Kind);
            Assert.Equal(CreditJournalStatus.Unknown, journal.Find("row-1")!.Status);
        }

        State.Harness.Faults.Clear();
        State.Harness.Log.Clear();
        using (var journal = Open())
        {
            var again = await FailsAsync(() => Client().SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1"));
            Assert.Equal(MayarErrorKind.OutcomeUnknown, again.Kind);
            Assert.Contains("Get-MayarCreditHistory", again.Message, StringComparison.Ordinal);
            Assert.Contains(_path, again.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Log);
        Assert.Equal(new[] { 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public async Task Clock_skew_a_first_row_sent_before_the_clock_was_known_still_claims_its_own_entry_in_this_run_and_the_next()
    {
        State.Clock.Offset = TimeSpan.FromMinutes(-5);
        var account = await NewAccountAsync();
        using (var journal = Open())
        {
            var client = Client(maxRetries: 2);
            await client.SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-1");
            Fault(new FaultRule { Path = MayarRoutes.AddCredit, Status = 500 });
            var second = (CreditTopUp)await client.SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-2");
            Assert.False(second.Reconciled);
        }

        // A re-run's claims come from the journal: row 1's, reckoned once the server's clock was known.
        var row3 = new AddCreditOperation(account.Move(100));
        using (var journal = Open())
        {
            journal.RecordSent(CreditJournalRecords.SendOf(row3, "row-3", State.Clock.Now, TimeSpan.FromSeconds(1)));
        }

        using (var journal = Open())
        {
            var resumed = (CreditTopUp)await Client(maxRetries: 2).SendCreditMovementAsync(new AddCreditOperation(account.Move(100)), journal, "row-3");
            Assert.False(resumed.Reconciled);
        }

        Assert.Equal(new[] { 100m, 100m, 100m }, account.Ledger(LedgerEntryType.AddCredit));
    }

    [Fact]
    public void Row_keys_number_equal_rows_and_refuse_a_repeated_reference()
    {
        var keys = new CreditRowKeys();
        var movement = new AddCreditOperation(new CreditMovementRequest { CustomerId = Sample.CustomerId, ProductId = Sample.ProductId, Amount = 5 });

        var first = keys.Next(movement, null);
        var second = keys.Next(movement, null);

        Assert.EndsWith("#1", first, StringComparison.Ordinal);
        Assert.EndsWith("#2", second, StringComparison.Ordinal);
        Assert.Equal(first, new CreditRowKeys().Next(movement, null));
        Assert.Equal("r-1", keys.Next(movement, " r-1 "));
        Assert.Equal("Reference", Assert.Throws<MayarArgumentException>(() => keys.Next(movement, "r-1")).ParamName);
    }

    private CreditJournal Open() => CreditJournal.Open(_path, new CreditJournalIdentity { Environment = "Custom", BaseUri = Emulator.BaseUri.AbsoluteUri });

    private async Task<ExactlyOnceTests.TestAccount> NewAccountAsync()
    {
        var product = NewProduct();
        var registered = await RegisterAsync(product);
        State.Harness.Log.Clear();
        return new ExactlyOnceTests.TestAccount(State, registered.CustomerId, product);
    }
}
