using System.Management.Automation;

namespace Mayar.Credit;

/// <summary>
/// A cmdlet whose request names a credit product and a customer's customerInfo {name, email, mobile}
/// (Register-MayarCustomer, New-MayarCreditCheckout): the four parameters once, with the same CSV aliases.
/// </summary>
/// <typeparam name="TRequest">The request built from the bound parameters.</typeparam>
public abstract class MayarCustomerInfoCmdlet<TRequest> : MayarOperationCmdlet<TRequest>
    where TRequest : class
{
    /// <summary>The credit product's id (UUID).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PaymentLinkId", "product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The customer's full name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "CustomerName")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The customer's email address.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress", "CustomerEmail")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The customer's mobile number: an optional '+' and 8–15 digits.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Phone", "PhoneNumber", "MobileNumber")]
    public string Mobile { get; set; } = string.Empty;
}
