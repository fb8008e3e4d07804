using System;

namespace Mayar.Credit.Client;

/// <summary>
/// A credit journal refused to be used, before anything is sent: it is in use by another command, cannot be read
/// or written, belongs to another environment, or a row's details changed since it was written. The command stops.
/// </summary>
public sealed class CreditJournalException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what to do.</summary>
    public CreditJournalException(string message, Exception? inner = null)
        : this(message, inner, "")
    {
    }

    internal CreditJournalException(string message, Exception? inner, string path)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The journal file's full path ("" when not known).</summary>
    public string Path { get; }
}
