# The source manifest of Mayar.Credit: the one place for its version, exports, formats and Gallery data, and
# valid where it stands (Test-ModuleManifest, Invoke-ScriptAnalyzer). It names no build product: `dotnet build`
# writes the loadable copy to out/<Configuration>/Mayar.Credit/Mayar.Credit.psd1, adding
# RootModule = "$PSEdition/Mayar.Credit.dll" (Desktop/ or Core/) and naming each format file by its leaf name.
@{
    ModuleVersion          = '0.2.0'
    GUID                   = '484db16c-1480-4bf7-a7fa-04682a23446b'
    Author                 = 'Mayar.Credit contributors'
    CompanyName            = 'Mayar.Credit contributors'
    Copyright              = '(c) Mayar.Credit contributors. MIT License.'
    Description            = 'Cmdlets for the Mayar payments platform credit API: register customers into credit products and memberships, top up and spend credit (never twice), read balances and credit history, create checkout links and customer records.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'src/Mayar.Credit/Mayar.Credit.Connection.Format.ps1xml'
        'src/Mayar.Credit/Mayar.Credit.Customer.Format.ps1xml'
        'src/Mayar.Credit/Mayar.Credit.Credit.Format.ps1xml'
        'src/Mayar.Credit/Mayar.Credit.Membership.Format.ps1xml'
    )
    CmdletsToExport        = @(
        'Add-MayarCredit'
        'Connect-Mayar'
        'Disconnect-Mayar'
        'Get-MayarConnection'
        'Get-MayarCreditBalance'
        'Get-MayarCreditHistory'
        'Get-MayarCustomer'
        'Get-MayarMember'
        'Get-MayarMembershipTier'
        'New-MayarCreditCheckout'
        'New-MayarCustomer'
        'Register-MayarCustomer'
        'Set-MayarCustomer'
        'Test-MayarConnection'
        'Use-MayarCredit'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Mayar', 'Payments', 'Credit', 'Indonesia', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/mayar-credit/Mayar.Credit'
            LicenseUri   = 'https://github.com/mayar-credit/Mayar.Credit/blob/main/LICENSE'
            ReleaseNotes = '0.2.0: the credit lifecycle - Add-MayarCredit and Use-MayarCredit (never applied twice), Get-MayarCreditHistory (paged), New-MayarCreditCheckout, Get-MayarCustomer, membership registration and balances; views that fit 80 columns. See CHANGELOG.md in the project.'
        }
    }
}
