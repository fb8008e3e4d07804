using System;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>docs/api/seeds/000-register-credit-customer.txt: POST a customer's registration into a credit-usage product.</summary>
public sealed class RegisterCreditCustomerOperation : JsonOperation<RegisterCreditCustomerRequest, RegisteredCreditCustomer>
{
    /// <summary>A second registration of the email in the product is answered with a conflict.</summary>
    private static readonly MayarEndpoint Declared = MayarEndpoint.Write(MayarRoutes.RegisterCreditCustomer, RepeatAnswer.Conflict);

    private readonly WireBody _body;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public RegisterCreditCustomerOperation(RegisterCreditCustomerRequest request)
        : base(Declared, request)
    {
        _body = SendBody(
            new WireBody
            {
                ProductId = MayarInputRules.Uuid(Request.ProductId, nameof(Request.ProductId)),
                TrialCredit = MayarInputRules.TrialCredit(Request.TrialCredit, nameof(Request.TrialCredit)),
                CustomerInfo = WireCustomerInfo.From(Request.Name, Request.Email, Request.Mobile),
            },
            MayarJsonContext.Wire.RegisterCreditCustomerBody);
    }

    internal override MayarErrorKind? ClassifyFailure(int status, string? message) => AlreadyRegistered(status, message);

    // The credit service reports an email already registered as a 400: "Email sudah terdaftar pada product ini."
    // (docs/api/seeds/000-register-credit-customer.txt), "... pada tier ini." (docs/api/mayar-api.md M1). Shared with the membership registration.
    internal static MayarErrorKind? AlreadyRegistered(int status, string? message) =>
        status == 400 && message is not null
        && (message.IndexOf("sudah terdaftar", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("already registered", StringComparison.OrdinalIgnoreCase) >= 0)
            ? MayarErrorKind.Conflict
            : null;

    internal override RegisteredCreditCustomer Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.RegisterCreditCustomerPayload);
        if (string.IsNullOrWhiteSpace(reply.CustomerId))
        {
            throw payload.Invalid("The response has no customerId");
        }

        return new RegisteredCreditCustomer
        {
            CustomerId = reply.CustomerId!,
            ProductId = MayarPayload.FirstNonBlank(reply.PaymentLinkId, reply.PaymentLink?.Id, reply.ProductId) ?? _body.ProductId,
            Name = _body.CustomerInfo.Name,
            Email = _body.CustomerInfo.Email,
            Mobile = _body.CustomerInfo.Mobile,
            TrialCredit = _body.TrialCredit,
        };
    }

    /// <summary>The body exactly as docs/api/seeds/000-register-credit-customer.txt shows it; property order is the document's.</summary>
    internal sealed class WireBody
    {
        [JsonPropertyName("productId")]
        public string ProductId { get; set; } = string.Empty;

        [JsonPropertyName("trialCredit")]
        public long? TrialCredit { get; set; }

        [JsonPropertyName("customerInfo")]
        public WireCustomerInfo CustomerInfo { get; set; } = new();
    }

    /// <summary>The body's customerInfo.</summary>
    internal sealed class WireCustomerInfo
    {
        /// <summary>customerInfo from a request's Name, Email and Mobile, each through its input rule (C1 and C6 share it).</summary>
        internal static WireCustomerInfo From(string? name, string? email, string? mobile) => new()
        {
            Name = MayarInputRules.Name(name, "Name"),
            Email = MayarInputRules.Email(email, "Email"),
            Mobile = MayarInputRules.Phone(mobile, "Mobile"),
        };

        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("email")]
        public string Email { get; set; } = string.Empty;

        [JsonPropertyName("mobile")]
        public string Mobile { get; set; } = string.Empty;
    }

    /// <summary>The reply's payload (after <c>data</c> is lifted): the product id comes under three names.</summary>
    internal sealed class WirePayload
    {
        public string? CustomerId { get; set; }

        public string? PaymentLinkId { get; set; }

        public WireReference? PaymentLink { get; set; }

        public string? ProductId { get; set; }
    }

    /// <summary>An object that carries an id.</summary>
    internal sealed class WireReference
    {
        public string? Id { get; set; }
    }
}
