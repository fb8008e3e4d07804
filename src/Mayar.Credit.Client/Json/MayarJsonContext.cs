using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Mayar.Credit.Client.Json;

/// <summary>Source-generated serialization for every wire type (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
// One pair of lines per operation: the wire types are nested in the operation that sends and reads them.
[JsonSerializable(typeof(RegisterCreditCustomerOperation.WireBody), TypeInfoPropertyName = "RegisterCreditCustomerBody")]
[JsonSerializable(typeof(RegisterCreditCustomerOperation.WirePayload), TypeInfoPropertyName = "RegisterCreditCustomerPayload")]
[JsonSerializable(typeof(RegisterMembershipCustomerOperation.WireBody), TypeInfoPropertyName = "RegisterMembershipCustomerBody")]
[JsonSerializable(typeof(RegisterMembershipCustomerOperation.WirePayload), TypeInfoPropertyName = "RegisterMembershipCustomerPayload")]
[JsonSerializable(typeof(NewCustomerOperation.WireBody), TypeInfoPropertyName = "CreateCustomerBody")]
[JsonSerializable(typeof(NewCustomerOperation.WirePayload), TypeInfoPropertyName = "CustomerPayload")]
[JsonSerializable(typeof(GetCreditBalanceOperation.WirePayload), TypeInfoPropertyName = "CreditBalancePayload")]
[JsonSerializable(typeof(GetCreditHistoryPageOperation.WirePayload), TypeInfoPropertyName = "CreditHistoryPayload")]
[JsonSerializable(typeof(CreditMovementWireBody), TypeInfoPropertyName = "CreditMovementBody")]
[JsonSerializable(typeof(AddCreditOperation.WirePayload), TypeInfoPropertyName = "AddCreditPayload")]
[JsonSerializable(typeof(SpendCreditOperation.WirePayload), TypeInfoPropertyName = "SpendCreditPayload")]
[JsonSerializable(typeof(NewCreditCheckoutOperation.WireBody), TypeInfoPropertyName = "CreditCheckoutBody")]
[JsonSerializable(typeof(NewCreditCheckoutOperation.WirePayload), TypeInfoPropertyName = "CreditCheckoutPayload")]
[JsonSerializable(typeof(GetCustomerByEmailOperation.WirePayload), TypeInfoPropertyName = "CustomerDetailPayload")]
[JsonSerializable(typeof(WireCursorPage<GetCustomersPageOperation.WireCustomer>), TypeInfoPropertyName = "CustomersPagePayload")]
[JsonSerializable(typeof(SetCustomerEmailOperation.WireBody), TypeInfoPropertyName = "SetCustomerEmailBody")]
[JsonSerializable(typeof(WireCursorPage<GetMembershipTiersPageOperation.WireTierRow>), TypeInfoPropertyName = "MembershipTiersPagePayload")]
[JsonSerializable(typeof(WireCursorPage<GetMembersPageOperation.WireMemberRow>), TypeInfoPropertyName = "MembersPagePayload")]
[JsonSerializable(typeof(GetMembersPageOperation.WireMemberRow), TypeInfoPropertyName = "MemberPayload")]
internal sealed partial class MayarJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the client uses: as generated, but unicode letters are written as they are
    /// (names like "Siti Nurhaliza Ağaoğlu" stay readable in request logs) while HTML-sensitive
    /// characters are still escaped.
    /// Lazy because static initialisers in the generated partial run in no guaranteed order.
    /// </summary>
    public static MayarJsonContext Wire => LazyWire.Value;

    private static readonly System.Lazy<MayarJsonContext> LazyWire = new(() => new MayarJsonContext(new JsonSerializerOptions(Default!.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    }));
}
