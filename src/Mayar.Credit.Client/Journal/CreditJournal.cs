using System;
using System.Collections.Generic;
using System.IO;

namespace Mayar.Credit.Client;

/// <summary>
/// The credit-movement journal behind -JournalPath: a JSON Lines file that records each top-up or spend before it
/// is sent and its outcome after, so a batch can be re-run safely after a crash. Its first line names the format,
/// the version and the environment it belongs to. Every append is flushed to disk before the method returns, and
/// the file is held exclusively (FileShare.None) from <see cref="Open"/> to <see cref="Dispose"/>. Thread-safe.
/// </summary>
public sealed class CreditJournal : IDisposable
{
    private readonly object _gate = new();
    private readonly FileStream _stream;
    private readonly CreditJournalRows _rows;
    private bool _endsWithNewline;
    private string? _writeFailure;
    private bool _disposed;

    private CreditJournal(string path, FileStream stream, CreditJournalRows rows, bool endsWithNewline, string? tornLine)
    {
        Path = path;
        _stream = stream;
        _rows = rows;
        _endsWithNewline = endsWithNewline;
        TornLine = tornLine;
    }

    /// <summary>The journal file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The torn last line that <see cref="Open"/> found and removed (a command stopped while writing it, so what it
    /// recorded never took effect), or null. Worth a warning; removing it lets the next line start whole.
    /// </summary>
    public string? TornLine { get; }

    /// <summary>Every key's row, in the order the keys were first sent.</summary>
    public IReadOnlyList<CreditJournalRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows.Snapshot();
            }
        }
    }

    /// <summary>
    /// Opens the journal at <paramref name="path"/>, creating it with its header line when it does not exist or is
    /// empty, and holds it exclusively until <see cref="Dispose"/>. Throws <see cref="CreditJournalException"/> when
    /// it is in use by another command, cannot be read, or was written for another identity.
    /// </summary>
    public static CreditJournal Open(string path, CreditJournalIdentity identity)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The journal path is empty.", nameof(path));
        }

        if (identity is null)
        {
            throw new ArgumentNullException(nameof(identity));
        }

        var fullPath = CreditJournalFile.FullPath(path);
        var stream = CreditJournalFile.OpenExclusive(fullPath);
        try
        {
            var content = CreditJournalReader.Read(CreditJournalFile.ReadAll(stream, fullPath), fullPath, identity);
            var journal = new CreditJournal(fullPath, stream, content.Rows, content.EndsWithNewline, content.TornLine);
            if (content.IsNew)
            {
                CreditJournalFile.Truncate(stream, 0, fullPath);
                journal.Append(CreditJournalLineWriter.Header(identity, DateTimeOffset.Now));
            }
            else if (content.KeepLength < stream.Length)
            {
                CreditJournalFile.Truncate(stream, content.KeepLength, fullPath);
            }

            return journal;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The row of <paramref name="key"/>, or null when the journal has never seen it.</summary>
    public CreditJournalRow? Find(string key)
    {
        lock (_gate)
        {
            return _rows.Find(key);
        }
    }

    /// <summary>
    /// Throws <see cref="CreditJournalException"/> when the journal knows <paramref name="send"/>'s key with another
    /// Kind, CustomerId, ProductId, MembershipTierId, MemberId or Amount (the input changed since it was written).
    /// </summary>
    public void Check(CreditJournalSend send)
    {
        Validate(send);
        lock (_gate)
        {
            CheckDetails(send);
        }
    }

    /// <summary>
    /// Records <paramref name="send"/> before it is sent: <see cref="Check"/>, then the "sent" line appended and
    /// flushed to disk. A key is sent again only when its row is NotApplied (otherwise InvalidOperationException).
    /// </summary>
    public void RecordSent(CreditJournalSend send)
    {
        Validate(send);
        lock (_gate)
        {
            CheckDetails(send);
            if (_rows.RefusalOfSend(send) is { } refusal)
            {
                throw new InvalidOperationException($"Journal '{Path}': {refusal}.");
            }

            Append(CreditJournalLineWriter.Sent(send));
            _rows.Add(CreditJournalEvent.ForSend(send.Copy()));
        }
    }

    /// <summary>Records the outcome of <paramref name="key"/>'s latest send: the line appended and flushed to disk.</summary>
    public void RecordOutcome(string key, CreditJournalOutcome outcome)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        Validate(outcome);
        lock (_gate)
        {
            if (_rows.RefusalOfOutcome(key) is { } refusal)
            {
                throw new InvalidOperationException($"Journal '{Path}': {refusal}; record the send first.");
            }

            Append(CreditJournalLineWriter.Outcome(key, outcome));
            _rows.Add(CreditJournalEvent.ForOutcome(key, outcome.Copy()));
        }
    }

    /// <summary>Closes the file and releases the lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _stream.Dispose();
            }
        }
    }

    private static void Validate(CreditJournalSend send)
    {
        if (send is null)
        {
            throw new ArgumentNullException(nameof(send));
        }

        if (string.IsNullOrEmpty(send.Key))
        {
            throw new ArgumentException("The send's Key is empty.", nameof(send));
        }

        if (send.Kind != "add" && send.Kind != "spend")
        {
            throw new ArgumentException($"The send's Kind is '{send.Kind}'; it must be \"add\" or \"spend\".", nameof(send));
        }

        if (send.CustomerId is null || send.ProductId is null)
        {
            throw new ArgumentException("The send's CustomerId and ProductId must not be null.", nameof(send));
        }
    }

    private static void Validate(CreditJournalOutcome outcome)
    {
        if (outcome is null)
        {
            throw new ArgumentNullException(nameof(outcome));
        }

        if (outcome.Status is not (CreditJournalStatus.Done or CreditJournalStatus.NotApplied or CreditJournalStatus.Unknown))
        {
            throw new ArgumentException($"The outcome's Status is {outcome.Status}; it must be Done, NotApplied or Unknown.", nameof(outcome));
        }

        foreach (var id in outcome.MatchedEntryIds ?? Array.Empty<string>())
        {
            if (id is null)
            {
                throw new ArgumentException("The outcome's MatchedEntryIds hold a null.", nameof(outcome));
            }
        }
    }

    private void CheckDetails(CreditJournalSend send)
    {
        if (_rows.ChangedDetail(send) is { } changed)
        {
            throw new CreditJournalException(
                $"the input changed since the journal was written: {changed} ('{Path}'). Nothing was sent; re-run with the input the journal was written for, or use another -JournalPath.",
                null,
                Path);
        }
    }

    /// <summary>Appends one line and flushes it to disk; on a failure the file is cut back to where it was. Under the lock.</summary>
    private void Append(byte[] line)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(CreditJournal), $"The journal '{Path}' is closed.");
        }

        if (_writeFailure is not null)
        {
            throw new CreditJournalException($"cannot write the journal '{Path}': an earlier write failed ({_writeFailure}) and the file could not be restored.", null, Path);
        }

        var bytes = _endsWithNewline ? line : WithNewlineFirst(line);
        var before = _stream.Length;
        try
        {
            _stream.Position = before;
            _stream.Write(bytes, 0, bytes.Length);
            _stream.Flush(flushToDisk: true);
            _endsWithNewline = true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            try
            {
                CreditJournalFile.Truncate(_stream, before, Path);
            }
            catch (CreditJournalException)
            {
                _writeFailure = error.Message;
            }

            throw new CreditJournalException($"cannot write the journal '{Path}': {error.Message}", error, Path);
        }
    }

    private static byte[] WithNewlineFirst(byte[] line)
    {
        var bytes = new byte[line.Length + 1];
        bytes[0] = (byte)'\n';
        Buffer.BlockCopy(line, 0, bytes, 1, line.Length);
        return bytes;
    }
}
