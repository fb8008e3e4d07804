using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// Writes a credit journal's lines: one JSON object and a newline. Non-ASCII letters, '+', '&amp;' and apostrophes
/// are written as they are so a person can read the file (it is never embedded in HTML); quotes, backslashes and
/// control characters are still escaped, so a line is always one line of valid JSON.
/// </summary>
internal static class CreditJournalLineWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Header(CreditJournalIdentity identity, DateTimeOffset createdAt) => Line(writer =>
    {
        writer.WriteString("format", CreditJournalFormat.Name);
        writer.WriteNumber("version", CreditJournalFormat.Version);
        writer.WriteString("environment", identity.Environment);
        writer.WriteString("baseUri", identity.BaseUri);
        writer.WriteString("createdAt", createdAt);
    });

    public static byte[] Sent(CreditJournalSend send) => Line(writer =>
    {
        writer.WriteString("event", CreditJournalFormat.Sent);
        writer.WriteString("key", send.Key);
        writer.WriteString("kind", send.Kind);
        writer.WriteString("customerId", send.CustomerId);
        writer.WriteString("productId", send.ProductId);
        WriteIfSet(writer, "membershipTierId", send.MembershipTierId);
        WriteIfSet(writer, "memberId", send.MemberId);
        writer.WriteNumber("amount", send.Amount);
        writer.WriteString("sentAt", send.SentAt);
        WriteUncertainty(writer, send.ClockUncertainty);
    });

    public static byte[] Outcome(string key, CreditJournalOutcome outcome) => Line(writer =>
    {
        writer.WriteString("event", CreditJournalFormat.EventName(outcome.Status));
        writer.WriteString("key", key);
        writer.WriteString("at", outcome.At);
        writer.WriteBoolean("reconciled", outcome.Reconciled);
        if (outcome.MatchedEntryIds is { Count: > 0 } ids)
        {
            writer.WriteStartArray("matchedEntryIds");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        WriteIfSet(writer, "balanceAfter", outcome.BalanceAfter);
        WriteIfSet(writer, "wallet", outcome.Wallet);
        WriteIfSet(writer, "fromWallet", outcome.FromWallet);
        WriteIfSet(writer, "fromAddOn", outcome.FromAddOn);
        WriteIfSet(writer, "reason", outcome.Reason);
        WriteIfSet(writer, "check", outcome.Check);
        if (outcome.SentAt is { } sentAt)
        {
            writer.WriteString("sentAt", sentAt);
            WriteUncertainty(writer, outcome.ClockUncertainty);
        }
    });

    private static void WriteUncertainty(Utf8JsonWriter writer, TimeSpan? uncertainty)
    {
        if (uncertainty is { } value)
        {
            writer.WriteNumber("clockUncertaintyMs", value.Ticks / (decimal)TimeSpan.TicksPerMillisecond);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static byte[] Line(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
