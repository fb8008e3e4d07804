using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// A cmdlet whose request names a credit product and a customer's customerInfo {name, email, mobile}
/// (Register-MayarCustomer, New-MayarCreditCheckout): the four parameters once, with the same CSV aliases. An empty
/// CSV cell binds (AllowEmptyString) so that the module's rules refuse it as Mayar.InvalidArgument naming the row.
/// </summary>
/// <typeparam name="TRequest">The request built from the bound parameters.</typeparam>
public abstract class MayarCustomerInfoCmdlet<TRequest> : MayarOperationCmdlet<TRequest>
    where TRequest : class
{
    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("PaymentLinkId", "product_id")]
    public string? ProductId { get; set; }

    /// <summary>The customer's full name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("FullName", "CustomerName")]
    public string? Name { get; set; }

    /// <summary>The customer's email address.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("EmailAddress", "CustomerEmail")]
    public string? Email { get; set; }

    /// <summary>The customer's mobile number: an optional '+' and 8–15 digits.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("Phone", "PhoneNumber", "MobileNumber")]
    public string? Mobile { get; set; }

    /// <summary>A row is named by its email.</summary>
    private protected override string? RowIdentity(TRequest request) => Email;
}
