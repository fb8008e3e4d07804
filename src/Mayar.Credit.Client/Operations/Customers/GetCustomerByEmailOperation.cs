using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// docs/api/mayar-api.md K2: GET one customer by email (404 "Customer not found" for an unknown one). The reply's "user"
/// object (the merchant's account, webhook URL included) has no wire property, so it is never read.
/// </summary>
public sealed class GetCustomerByEmailOperation : JsonOperation<GetCustomerRequest, MayarCustomerSummary>
{
    private static readonly MayarEndpoint Declared = MayarEndpoint.Read(MayarRoutes.CustomerDetail);

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetCustomerByEmailOperation(GetCustomerRequest request)
        : base(Declared, request)
    {
        SendQuery(new MayarQuery(Route).Add("email", MayarInputRules.Email(Request.Email, nameof(Request.Email))));
    }

    internal override MayarCustomerSummary Read(MayarPayload payload)
    {
        // The envelope merges the object in "data" over the root.
        var reply = payload.Read(MayarJsonContext.Wire.CustomerDetailPayload);
        return GetCustomersPageOperation.ToSummary(reply, payload);
    }

    /// <summary>The customer's fields (the "user" object left out on purpose).</summary>
    internal sealed class WirePayload : GetCustomersPageOperation.WireCustomer
    {
    }
}
