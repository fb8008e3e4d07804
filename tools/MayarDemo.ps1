<#
.SYNOPSIS
    The demo of build.ps1 -Task Demo: starts the local emulator, imports the staged module and runs the cmdlets
    against it (register, top up, spend, history, balance, customers, a customer record, a conflict).
.DESCRIPTION
    An interactive show for a person at a console: coloured headings, the emulator's well-known test key.
    build.ps1 builds first; run it through build.ps1 -Task Demo.
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingWriteHost', '', Justification = 'The demo talks to the person running it; its headings are not data.')]
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingConvertToSecureStringWithPlainText', '', Justification = 'The local emulator''s published test key, not a secret.')]
[CmdletBinding()]
param(
    # The repository root.
    [Parameter(Mandatory)]
    [string] $Root,

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifest = Join-Path $Root "out/$Configuration/Mayar.Credit/Mayar.Credit.psd1"
Import-Module (Join-Path $Root 'tools/MayarEmulator.psm1') -Force
$emulator = Start-MayarEmulator -Root $Root -Configuration $Configuration
try {
    Import-Module $manifest -Force
    Write-Host "Emulator at $($emulator.BaseUrl); product $($emulator.ProductId)" -ForegroundColor Cyan

    $key = ConvertTo-SecureString -String $emulator.ApiKey -AsPlainText -Force
    # The emulator has no rate limit by default; the live API's 20 per minute is Connect-Mayar's default pace.
    Connect-Mayar -ApiKey $key -BaseUri $emulator.BaseUrl -RequestsPerMinute 600
    Get-MayarConnection | Format-Table | Out-Host

    Write-Host 'Register three members from CSV rows and read their balances:' -ForegroundColor Cyan
    $members = @(
        [pscustomobject]@{ Name = 'Siti Rahma'; Email = 'siti.rahma@example.com'; Phone = '0812-3456-7890'; TrialCredit = '300' }
        [pscustomobject]@{ Name = 'Budi Santoso'; Email = 'budi.santoso@example.com'; Phone = '+62 811 2222 333'; TrialCredit = '150' }
        [pscustomobject]@{ Name = 'Dewi Lestari'; Email = 'dewi.lestari@example.com'; Phone = '(0813) 9876 5432'; TrialCredit = '' }
    )
    $registered = $members | Register-MayarCustomer -ProductId $emulator.ProductId
    $registered | Format-Table | Out-Host
    $registered | Get-MayarCreditBalance | Format-Table | Out-Host

    Write-Host 'Top up the first member and charge some usage:' -ForegroundColor Cyan
    $registered[0] | Add-MayarCredit -Amount 1000 | Format-Table | Out-Host
    $registered[0] | Use-MayarCredit -Amount 250 | Format-Table | Out-Host

    Write-Host "The first member's credit history, newest first, and the balance after it:" -ForegroundColor Cyan
    $registered[0] | Get-MayarCreditHistory | Format-Table | Out-Host
    $registered[0] | Get-MayarCreditBalance | Format-Table | Out-Host

    Write-Host 'The three newest customers, and one found by email with its balance:' -ForegroundColor Cyan
    Get-MayarCustomer -First 3 | Format-Table | Out-Host
    Get-MayarCustomer -Email $members[1].Email | Get-MayarCreditBalance -ProductId $emulator.ProductId | Format-Table | Out-Host

    Write-Host 'Create a customer record:' -ForegroundColor Cyan
    New-MayarCustomer -Name 'Brighton Mboya' -Email 'brighton@jani.com' -Phone '+2557881234567' -City 'Dar es Salaam' `
        -Country TZ -PaymentMethod 'card_01h3vjs3b16yc3f9q8q9pfrb79' -Status active -CustomData @{ loyalty_program = 'Gold' } |
        Format-List | Out-Host

    Write-Host 'A re-run is a conflict for that row only:' -ForegroundColor Cyan
    $members[0] | Register-MayarCustomer -ProductId $emulator.ProductId -ErrorAction SilentlyContinue -ErrorVariable rerun | Out-Null
    $rerun | ForEach-Object { Write-Host "  $($_.FullyQualifiedErrorId): $_" }

    Disconnect-Mayar
}
finally {
    Stop-MayarEmulator -Emulator $emulator
}
