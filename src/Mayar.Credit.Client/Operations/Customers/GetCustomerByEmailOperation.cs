using System;
using System.Net.Http;
using Mayar.Credit.Client.Json;

namespace Mayar.Credit.Client;

/// <summary>
/// mayar-api.md K2: GET one customer by email (404 "Customer not found" for an unknown one). The reply's "user"
/// object (the merchant's account, webhook URL included) has no wire property, so it is never read.
/// </summary>
public sealed class GetCustomerByEmailOperation : MayarOperation<MayarCustomerSummary>
{
    private readonly string _query;

    /// <summary>Applies the input rules (throwing <see cref="MayarArgumentException"/>) and prepares the query.</summary>
    public GetCustomerByEmailOperation(CustomerLookup lookup)
    {
        if (lookup is null)
        {
            throw new ArgumentNullException(nameof(lookup));
        }

        _query = "email=" + Uri.EscapeDataString(MayarInputRules.Email(lookup.Email, nameof(lookup.Email)));
    }

    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Get;

    /// <inheritdoc />
    public override string Route => MayarRoutes.CustomerDetail;

    /// <inheritdoc />
    public override RepeatSafety RepeatSafety => RepeatSafety.Read;

    internal override string? Query => _query;

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
