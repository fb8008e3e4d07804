using System;
using System.Collections.Generic;
using System.Linq;
namespace Mayar.Credit.Client;
#pragma warning disable CS1591
public sealed class CreditJournalIdentity { public string Environment {get;set;} = ""; public string BaseUri {get;set;} = ""; }
public enum CreditJournalStatus { Sent, Done, NotApplied, Unknown }
public sealed class CreditJournalSend { public string Key {get;set;} = ""; public string Kind {get;set;} = ""; public string CustomerId {get;set;} = ""; public string ProductId {get;set;} = ""; public string? MembershipTierId {get;set;} public string? MemberId {get;set;} public decimal Amount {get;set;} public DateTimeOffset SentAt {get;set;} public TimeSpan? ClockUncertainty {get;set;} }
public sealed class CreditJournalOutcome { public CreditJournalStatus Status {get;set;} public DateTimeOffset At {get;set;} public bool Reconciled {get;set;} public IReadOnlyList<string> MatchedEntryIds {get;set;} = Array.Empty<string>(); public decimal? BalanceAfter {get;set;} public string? Wallet {get;set;} public decimal? FromWallet {get;set;} public decimal? FromAddOn {get;set;} public string? Reason {get;set;} public string? Check {get;set;} }
public sealed class CreditJournalRow { public CreditJournalRow(CreditJournalSend s, CreditJournalOutcome? o){Send=s;Outcome=o;} public CreditJournalSend Send {get;} public CreditJournalOutcome? Outcome {get;} public CreditJournalStatus Status => Outcome?.Status ?? CreditJournalStatus.Sent; }
public sealed class CreditJournalException : Exception { public CreditJournalException(string message, Exception? inner = null) : base(message, inner) {} public string Path {get;} = ""; }
public sealed class CreditJournal : IDisposable {
  private readonly Dictionary<string, CreditJournalRow> _rows = new();
  public static CreditJournal Open(string path, CreditJournalIdentity identity) => new() { Path = path };
  public string Path {get; private set;} = "";
  public CreditJournalRow? Find(string key) { lock(_rows) return _rows.TryGetValue(key, out var r) ? r : null; }
  public IReadOnlyList<CreditJournalRow> Rows { get { lock(_rows) return _rows.Values.ToList(); } }
  public void Check(CreditJournalSend send) {}
  public void RecordSent(CreditJournalSend send) { lock(_rows) _rows[send.Key] = new CreditJournalRow(send, null); }
  public void RecordOutcome(string key, CreditJournalOutcome outcome) { lock(_rows) _rows[key] = new CreditJournalRow(_rows[key].Send, outcome); }
  public void Dispose() {}
}
