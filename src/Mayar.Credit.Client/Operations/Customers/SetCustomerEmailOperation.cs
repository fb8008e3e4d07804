using System;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md K4: POST a V2 customer's new email address. The reply carries no data. Once it took effect the old
/// address names no customer, so a second one answers 404 "Email … tidak terdaftar sebagai customer".
/// </summary>
public sealed class SetCustomerEmailOperation : JsonOperation<SetCustomerEmailRequest, CustomerEmailChange>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Write(MayarRoutes.UpdateCustomer, RepeatAnswer.NotFound, returnsData: false);

    private readonly WireBody _body;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public SetCustomerEmailOperation(SetCustomerEmailRequest request)
        : base(Declared, request)
    {
        var from = MayarInputRules.Email(Request.Email, nameof(Request.Email));
        var to = MayarInputRules.Email(Request.NewEmail, nameof(Request.NewEmail));
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            throw new MayarArgumentException(nameof(Request.NewEmail), "must differ from Email.");
        }

        _body = SendBody(new WireBody { FromEmail = from, ToEmail = to }, MayarJsonContext.Wire.SetCustomerEmailBody);
    }

    internal override CustomerEmailChange Read(MayarPayload payload) =>
        new() { Email = _body.ToEmail, PreviousEmail = _body.FromEmail };

    /// <summary>The body as K4 shows it.</summary>
    internal sealed class WireBody
    {
        [JsonPropertyName("fromEmail")]
        public string FromEmail { get; set; } = string.Empty;

        [JsonPropertyName("toEmail")]
        public string ToEmail { get; set; } = string.Empty;
    }
}
