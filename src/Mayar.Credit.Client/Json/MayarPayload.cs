using System.Text.Json.Serialization.Metadata;

namespace Mayar.Credit.Client;

/// <summary>
/// A successful response's payload (the body, with <c>data</c>'s fields lifted to the root) and what is needed to
/// report it as invalid.
/// </summary>
internal readonly struct MayarPayload
{
    private readonly byte[] _bytes;
    private readonly int _status;
    private readonly string _method;
    private readonly string _path;

    public MayarPayload(byte[] bytes, int status, string method, string path)
    {
        _bytes = bytes;
        _status = status;
        _method = method;
        _path = path;
    }

    /// <summary>Deserializes the payload; a field of the wrong type is an invalid response.</summary>
    public T Read<T>(JsonTypeInfo<T> typeInfo) => MayarResponseReader.Deserialize(_bytes, typeInfo, _status, _method, _path);

    /// <summary>The error for a payload that lacks what the operation needs.</summary>
    public MayarApiException Invalid(string detail) =>
        new(MayarErrorKind.InvalidResponse, _status, _status, null, null, _method, _path, detail);

    /// <summary>The first value that is not blank, trimmed: the documents spell one field several ways.</summary>
    public static string? FirstNonBlank(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value!.Trim();
            }
        }

        return null;
    }
}
