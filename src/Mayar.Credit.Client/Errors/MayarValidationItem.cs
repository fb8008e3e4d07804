namespace Mayar.Credit.Client;

/// <summary>One item of a validation failure's <c>data</c> array: <c>{field, message, type?}</c>.</summary>
public sealed class MayarValidationItem
{
    /// <summary>Creates an item.</summary>
    public MayarValidationItem(string? field, string message, string? type)
    {
        Field = field;
        Message = message;
        Type = type;
    }

    /// <summary>The field the server named, when it named one.</summary>
    public string? Field { get; }

    /// <summary>The server's message.</summary>
    public string Message { get; }

    /// <summary>The validator's rule type (e.g. "required"), when given.</summary>
    public string? Type { get; }

    /// <inheritdoc />
    public override string ToString() => Field is null ? Message : $"{Field}: {Message}";
}
