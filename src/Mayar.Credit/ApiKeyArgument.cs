using System.Management.Automation;
using System.Security;
using Mayar.Credit.Client;

namespace Mayar.Credit;

/// <summary>
/// What Connect-Mayar -ApiKey accepts: a SecureString (Read-Host -AsSecureString, Get-Secret), a PSCredential (its
/// password is the key, its user name is ignored: Get-Credential, or a vault's credential secret) or a plain string
/// (Get-Secret -AsPlainText, which the cmdlet warns about). Anything else is refused with a message naming the types,
/// never the value.
/// </summary>
internal static class ApiKeyArgument
{
    public const string AcceptedTypes = "a SecureString (Read-Host -AsSecureString, or Get-Secret from Microsoft.PowerShell.SecretManagement), a PSCredential (its password is the key) or a string";

    /// <summary>The key; <paramref name="plainText"/> tells whether it came as a plain string.</summary>
    public static MayarApiKey Read(object? value, string parameterName, out bool plainText)
    {
        plainText = false;
        switch (value is PSObject wrapped ? wrapped.BaseObject : value)
        {
            case SecureString secure:
                return MayarApiKey.FromSecureString(secure, parameterName);
            case PSCredential credential:
                return MayarApiKey.FromSecureString(credential.Password, parameterName);
            case string text:
                var key = MayarApiKey.FromString(text, parameterName);
                plainText = true;
                return key;
            case var other:
                throw new MayarArgumentException(parameterName, $"must be {AcceptedTypes}, not {(other is null ? "null" : "a " + other.GetType().FullName)}.");
        }
    }
}
