using System.Collections;
using System.Management.Automation;
using Mayar.Credit.Client;

namespace Mayar.Credit.Commands;

/// <summary>
/// <para type="synopsis">Creates a Mayar customer record.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MayarCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MayarCustomer))]
public sealed class NewMayarCustomerCommand : MayarOperationCmdlet<NewCustomerRequest>
{
    /// <summary>The full name of the person or organisation.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("FullName", "CustomerName")]
    public string? Name { get; set; }

    /// <summary>The email address (must be new: an existing one is a conflict).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("EmailAddress", "CustomerEmail")]
    public string? Email { get; set; }

    /// <summary>Phone number: an optional '+' and 8–15 digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Mobile", "PhoneNumber")]
    public string? Phone { get; set; }

    /// <summary>Billing address city.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? City { get; set; }

    /// <summary>Billing address country: a two-letter ISO 3166-1 code such as ID.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CountryCode")]
    public string? Country { get; set; }

    /// <summary>The payment method id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("payment_method")]
    public string? PaymentMethod { get; set; }

    /// <summary>active, inactive or suspended.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("active", "inactive", "suspended")]
    public string? Status { get; set; }

    /// <summary>Custom key-value data: strings, numbers, booleans, dates, arrays and nested hashtables.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("custom_data")]
    public Hashtable? CustomData { get; set; }

    private protected override string ConfirmAction => "Create";

    private protected override NewCustomerRequest BuildRequest() => new()
    {
        Name = Name,
        Email = Email,
        Phone = Blank(Phone),
        City = Blank(City),
        Country = Blank(Country),
        PaymentMethod = Blank(PaymentMethod),
        Status = Blank(Status),
        CustomData = CustomData is null ? null : PSObjectUnwrapper.Unwrap(CustomData),
    };

    private protected override MayarOperation CreateOperation(NewCustomerRequest request) => new NewCustomerOperation(request);

    private protected override string ConfirmTarget(NewCustomerRequest request) => $"customer {request.Email}";

    private protected override string? RowIdentity(NewCustomerRequest request) => request.Email;

    // An empty CSV cell means "not given".
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
