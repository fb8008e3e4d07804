using System;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>Member ids as the documents show them (docs/api/mayar-api.md §6): 8 upper-case letters or digits, e.g. PQVS4KGY.</summary>
internal static class MemberIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A random member id that <paramref name="taken"/> says no member has yet.</summary>
    public static string New(Random random, Func<string, bool> taken)
    {
        while (true)
        {
            var chars = new char[8];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var id = new string(chars);
            if (!taken(id))
            {
                return id;
            }
        }
    }
}
