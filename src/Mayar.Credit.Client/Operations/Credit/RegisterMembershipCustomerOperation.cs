using System;
using System.Globalization;
using System.Text.Json.Serialization;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>M1: POST a customer's registration into a membership tier.</summary>
public sealed class RegisterMembershipCustomerOperation : JsonOperation<RegisterMembershipCustomerRequest, RegisteredMembershipCustomer>
{
    /// <summary>A second registration of the email in the tier is answered with a conflict.</summary>
    private static readonly MayarEndpoint Declared = MayarEndpoint.Write(MayarRoutes.RegisterMembershipCustomer, RepeatAnswer.Conflict);

    private static readonly string[] Periods = { "1", "3", "6", "12" };

    private readonly WireBody _body;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the body.</summary>
    public RegisterMembershipCustomerOperation(RegisterMembershipCustomerRequest request)
        : base(Declared, request)
    {
        _body = SendBody(
            new WireBody
            {
                ProductId = MayarInputRules.Uuid(Request.ProductId, nameof(Request.ProductId)),
                MembershipTierId = MayarInputRules.Uuid(Request.MembershipTierId, nameof(Request.MembershipTierId)),
                MembershipMonthlyPeriod = int.Parse(
                    MayarInputRules.OneOf(Request.MonthlyPeriod?.ToString(CultureInfo.InvariantCulture), nameof(Request.MonthlyPeriod), Periods),
                    CultureInfo.InvariantCulture),
                TrialCredit = MayarInputRules.TrialCredit(Request.TrialCredit, nameof(Request.TrialCredit)),
                CustomerInfo = RegisterCreditCustomerOperation.WireCustomerInfo.From(Request.Name, Request.Email, Request.Mobile),
            },
            MayarJsonContext.Wire.RegisterMembershipCustomerBody);
    }

    internal override MayarErrorKind? ClassifyFailure(int status, string? message) => RegisterCreditCustomerOperation.AlreadyRegistered(status, message);

    internal override RegisteredMembershipCustomer Read(MayarPayload payload)
    {
        var reply = payload.Read(MayarJsonContext.Wire.RegisterMembershipCustomerPayload);
        var member = reply.MembershipCustomer;
        if (member is null)
        {
            throw payload.Invalid("The response has no membershipCustomer");
        }

        return new RegisteredMembershipCustomer
        {
            CustomerId = MayarPayload.FirstNonBlank(member.CustomerId),
            MemberId = MayarPayload.FirstNonBlank(member.MemberId),
            ProductId = MayarPayload.FirstNonBlank(member.PaymentLinkId, member.PaymentLink?.Id) ?? _body.ProductId,
            MembershipTierId = MayarPayload.FirstNonBlank(member.MembershipTierId) ?? _body.MembershipTierId,
            MonthlyPeriod = member.MonthlyPaymentPeriod ?? _body.MembershipMonthlyPeriod,
            NextPayment = member.NextPayment,
            PaymentLinkUrl = MayarPayload.FirstNonBlank(reply.PaymentLinkUrl, member.PaymentLink?.Link, member.PaymentLinkUrl),
            Name = _body.CustomerInfo.Name,
            Email = _body.CustomerInfo.Email,
            Mobile = _body.CustomerInfo.Mobile,
            TrialCredit = _body.TrialCredit,
        };
    }

    /// <summary>The body as M1 shows it; property order is the document's.</summary>
    internal sealed class WireBody
    {
        [JsonPropertyName("productId")]
        public string ProductId { get; set; } = string.Empty;

        [JsonPropertyName("membershipTierId")]
        public string MembershipTierId { get; set; } = string.Empty;

        [JsonPropertyName("membershipMonthlyPeriod")]
        public int MembershipMonthlyPeriod { get; set; }

        [JsonPropertyName("trialCredit")]
        public long? TrialCredit { get; set; }

        [JsonPropertyName("customerInfo")]
        public RegisterCreditCustomerOperation.WireCustomerInfo CustomerInfo { get; set; } = new();
    }

    /// <summary>The reply's payload (after <c>data</c> is lifted): the member record and, in the richer forms, the link.</summary>
    internal sealed class WirePayload
    {
        public WireMember? MembershipCustomer { get; set; }

        public string? PaymentLinkUrl { get; set; }
    }

    /// <summary>The membershipCustomer record in any of M1's three forms.</summary>
    internal sealed class WireMember
    {
        public string? Id { get; set; }

        public string? CustomerId { get; set; }

        public string? MemberId { get; set; }

        public string? MembershipTierId { get; set; }

        public string? PaymentLinkId { get; set; }

        public int? MonthlyPaymentPeriod { get; set; }

        [JsonConverter(typeof(FlexibleTimestampConverter))]
        public DateTimeOffset? NextPayment { get; set; }

        public string? PaymentLinkUrl { get; set; }

        public WirePaymentLink? PaymentLink { get; set; }
    }

    /// <summary>The member record's payment link.</summary>
    internal sealed class WirePaymentLink
    {
        public string? Id { get; set; }

        public string? Link { get; set; }
    }
}
