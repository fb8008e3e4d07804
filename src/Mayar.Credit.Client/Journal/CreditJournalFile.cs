using System;
using System.IO;

namespace Mayar.Credit.Client;

/// <summary>
/// The journal's file operations, each turning a failure into a <see cref="CreditJournalException"/> that names the
/// file. The lock is FileShare.None on the stream held for the journal's lifetime: on Windows a sharing lock every
/// process honours; on Linux and macOS .NET takes an advisory flock(LOCK_EX), which every .NET process (and any
/// program that uses flock) honours, but which plain writers such as a shell's '>>' ignore.
/// </summary>
internal static class CreditJournalFile
{
    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION (Windows); EWOULDBLOCK on Linux and on macOS (.NET on Unix
    // gives the errno as the HResult when flock finds the file locked).
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    public static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new CreditJournalException($"cannot open the journal '{path}': {error.Message}", error, path);
        }
    }

    public static FileStream OpenExclusive(string path)
    {
        try
        {
            // bufferSize 1: no FileStream buffer (0 is refused on .NET Framework), so a write goes straight to the OS.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException error) when (IsInUse(error))
        {
            throw new CreditJournalException(
                $"the journal '{path}' is in use by another process or command; wait for it to finish or use another -JournalPath.",
                error,
                path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new CreditJournalException($"cannot open the journal '{path}': {error.Message}", error, path);
        }
    }

    public static byte[] ReadAll(FileStream stream, string path)
    {
        try
        {
            var content = new byte[checked((int)stream.Length)];
            stream.Position = 0;
            var read = 0;
            while (read < content.Length)
            {
                var count = stream.Read(content, read, content.Length - read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            if (read < content.Length)
            {
                Array.Resize(ref content, read);
            }

            return content;
        }
        catch (Exception error) when (error is IOException or OverflowException)
        {
            throw new CreditJournalException($"cannot read the journal '{path}': {error.Message}", error, path);
        }
    }

    /// <summary>Cuts the file to <paramref name="length"/> bytes, flushed to disk, and leaves the position at its end.</summary>
    public static void Truncate(FileStream stream, long length, string path)
    {
        try
        {
            stream.SetLength(length);
            stream.Position = length;
            stream.Flush(flushToDisk: true);
        }
        catch (IOException error)
        {
            throw new CreditJournalException($"cannot write the journal '{path}': {error.Message}", error, path);
        }
    }

    private static bool IsInUse(IOException error) =>
        error.HResult is SharingViolation or LockViolation or LinuxWouldBlock or MacWouldBlock;
}
