using System;
using System.Security.Cryptography;
using System.Text;

namespace Mayar.Credit.Emulator.Domain;

/// <summary>UUIDs derived from a text (version 3 style), for ids that must come out the same after every reset.</summary>
internal static class DerivedUuid
{
    public static string Of(string seed)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes(seed));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x30); // version 3 (Guid stores its third group little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }
}
