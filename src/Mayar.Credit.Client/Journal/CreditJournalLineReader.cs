using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// Reads one parsed journal line into a header or an event. A line that breaks the format throws a
/// <see cref="FormatException"/> saying what is wrong; the file reader adds the line number. Properties it does
/// not know are ignored, so a version-1 reader reads lines that later version-1 writers extend.
/// </summary>
internal static class CreditJournalLineReader
{
    /// <summary>The identity a header line names, or a FormatException when the line is not this format's header.</summary>
    public static CreditJournalIdentity Header(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object
            || !line.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String
            || format.GetString() != CreditJournalFormat.Name)
        {
            throw new FormatException($"it is not a Mayar.Credit journal (the first line must name the format \"{CreditJournalFormat.Name}\")");
        }

        if (!line.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number < 1)
        {
            throw new FormatException("the header's \"version\" must be a whole number of 1 or more");
        }

        if (number > CreditJournalFormat.Version)
        {
            throw new FormatException($"it is version {number}, written by a newer Mayar.Credit; this one reads version {CreditJournalFormat.Version} (update the module)");
        }

        return new CreditJournalIdentity { Environment = RequiredString(line, "environment"), BaseUri = RequiredString(line, "baseUri") };
    }

    public static CreditJournalEvent Event(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("it is not a JSON object");
        }

        var name = RequiredString(line, "event");
        var key = RequiredString(line, "key");
        if (key.Length == 0)
        {
            throw new FormatException("\"key\" is empty");
        }

        if (name == CreditJournalFormat.Sent)
        {
            return CreditJournalEvent.ForSend(Send(line, key));
        }

        var status = CreditJournalFormat.OutcomeStatus(name)
            ?? throw new FormatException($"\"event\" is \"{name}\", which is none of sent, done, not-applied, unknown");
        return CreditJournalEvent.ForOutcome(key, Outcome(line, status));
    }

    private static CreditJournalSend Send(JsonElement line, string key)
    {
        var uncertainty = OptionalDecimal(line, "clockUncertaintyMs");
        return new CreditJournalSend
        {
            Key = key,
            Kind = RequiredString(line, "kind"),
            CustomerId = RequiredString(line, "customerId"),
            ProductId = RequiredString(line, "productId"),
            MembershipTierId = OptionalString(line, "membershipTierId"),
            MemberId = OptionalString(line, "memberId"),
            Amount = OptionalDecimal(line, "amount") ?? throw Missing("amount"),
            SentAt = Time(line, "sentAt"),
            ClockUncertainty = Uncertainty(uncertainty),
        };
    }

    private static TimeSpan? Uncertainty(decimal? ms) => ms is { } value ? TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(value * TimeSpan.TicksPerMillisecond))) : null;

    private static CreditJournalOutcome Outcome(JsonElement line, CreditJournalStatus status) => new()
    {
        Status = status,
        At = Time(line, "at"),
        Reconciled = OptionalBoolean(line, "reconciled"),
        MatchedEntryIds = StringArray(line, "matchedEntryIds"),
        BalanceAfter = OptionalDecimal(line, "balanceAfter"),
        Wallet = OptionalString(line, "wallet"),
        FromWallet = OptionalDecimal(line, "fromWallet"),
        FromAddOn = OptionalDecimal(line, "fromAddOn"),
        Reason = OptionalString(line, "reason"),
        Check = OptionalString(line, "check"),
        SentAt = line.TryGetProperty("sentAt", out _) ? Time(line, "sentAt") : null,
        ClockUncertainty = Uncertainty(OptionalDecimal(line, "clockUncertaintyMs")),
    };

    private static FormatException Missing(string name) => new($"\"{name}\" is missing");

    private static string RequiredString(JsonElement line, string name) => OptionalString(line, name) ?? throw Missing(name);

    private static string? OptionalString(JsonElement line, string name)
    {
        if (!line.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{name}\" must be a string");
    }

    private static decimal? OptionalDecimal(JsonElement line, string name)
    {
        if (!line.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw new FormatException($"\"{name}\" must be a number");
    }

    private static bool OptionalBoolean(JsonElement line, string name)
    {
        if (!line.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"\"{name}\" must be true or false"),
        };
    }

    private static DateTimeOffset Time(JsonElement line, string name)
    {
        if (!line.TryGetProperty(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : throw new FormatException($"\"{name}\" must be an ISO 8601 time with an offset, like \"2026-12-02T13:00:00.123+00:00\"");
    }

    private static IReadOnlyList<string> StringArray(JsonElement line, string name)
    {
        if (!line.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"\"{name}\" must be an array of strings");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"\"{name}\" must be an array of strings"));
        }

        return items.ToArray();
    }
}
