using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mayar.Credit.Client;

/// <summary>
/// The journal key of each row of one run: its -Reference when given; otherwise its kind, customer, product, tier,
/// member and amount, with its ordinal among equal rows of the run, so that re-running the same input with the same
/// journal gives every row the same key. Use from one thread (a cmdlet's pipeline thread), in input order.
/// </summary>
public sealed class CreditRowKeys
{
    /// <summary>The longest reference accepted.</summary>
    public const int MaxReferenceLength = 200;

    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>The key of the next row that moves <paramref name="movement"/>, with <paramref name="reference"/> if given.</summary>
    public string Next(ICreditMovement movement, string? reference)
    {
        if (movement is null)
        {
            throw new ArgumentNullException(nameof(movement));
        }

        if (reference is not null)
        {
            var checkedReference = Reference(reference);
            if (!_references.Add(checkedReference))
            {
                throw new MayarArgumentException("Reference", $"'{checkedReference}' is given to more than one row of this input; each row needs its own.");
            }

            return checkedReference;
        }

        var row = string.Format(CultureInfo.InvariantCulture, "{0}|{1}|{2}|{3}|{4}|{5}", movement.Kind, movement.CustomerId, movement.ProductId, movement.MembershipTierId, movement.MemberId, movement.Amount);
        _ordinals.TryGetValue(row, out var ordinal);
        _ordinals[row] = ++ordinal;
        return row + "#" + ordinal.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A reference: 1 to <see cref="MaxReferenceLength"/> characters, none of them control characters.</summary>
    public static string Reference(string value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxReferenceLength)
        {
            throw new MayarArgumentException("Reference", $"must be 1 to {MaxReferenceLength} characters.");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                throw new MayarArgumentException("Reference", "must not contain control characters (line breaks, tabs).");
            }
        }

        return text;
    }
}
