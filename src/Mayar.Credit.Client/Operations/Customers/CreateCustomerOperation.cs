using System;
using System.Net.Http;
using System.Text.Json;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>Seed 001: POST a customer record.</summary>
public sealed class CreateCustomerOperation : MayarOperation<MayarCustomer>
{
    private readonly CreateCustomerBody _body;
    private readonly byte[] _bytes;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public CreateCustomerOperation(CreateCustomerRequest request)
    {
        _body = (request ?? throw new ArgumentNullException(nameof(request))).ToBody();
        _bytes = JsonSerializer.SerializeToUtf8Bytes(_body, MayarJsonContext.Wire.CreateCustomerBody);
    }

    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Post;

    /// <inheritdoc />
    public override string Route => MayarRoutes.CreateCustomer;

    /// <summary>A second record with the email is answered with a conflict.</summary>
    public override RepeatSafety RepeatSafety => RepeatSafety.AnswersConflict;

    internal override byte[]? Body => _bytes;

    // 409 "already exist" is a conflict by its status; some replies say it with a 400 (mayar-api.md section 4).
    internal override MayarErrorKind? ClassifyFailure(int status, string? message) =>
        status == 400 && message is not null && message.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0
            ? MayarErrorKind.Conflict
            : null;

    internal override MayarCustomer Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.CustomerPayload);
        var id = MayarPayload.FirstNonBlank(reply.Id, reply.CustomerId) ?? throw payload.Invalid("The response has no customer id");
        return new MayarCustomer
        {
            Id = id,
            Name = MayarPayload.FirstNonBlank(reply.Name) ?? _body.Name,
            Email = MayarPayload.FirstNonBlank(reply.Email) ?? _body.Email,
            Phone = MayarPayload.FirstNonBlank(reply.Phone, reply.Mobile) ?? _body.Phone,
            City = MayarPayload.FirstNonBlank(reply.Address?.City) ?? _body.Address?.City,
            Country = MayarPayload.FirstNonBlank(reply.Address?.Country) ?? _body.Address?.Country,
            PaymentMethod = MayarPayload.FirstNonBlank(reply.PaymentMethodSnake, reply.PaymentMethod) ?? _body.PaymentMethod,
            Status = MayarPayload.FirstNonBlank(reply.Status) ?? _body.Status,
            CustomData = JsonValues.ToDictionary(reply.CustomDataSnake ?? reply.CustomData ?? _body.CustomData),
            CreatedAt = reply.CreatedAtSnake ?? reply.CreatedAt,
            UpdatedAt = reply.UpdatedAtSnake ?? reply.UpdatedAt,
        };
    }
}
