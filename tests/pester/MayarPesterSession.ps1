# Shared set-up of the Pester files: dot-source it inside BeforeAll, and call Stop-MayarPesterSession in AfterAll.
# It starts the emulator, imports the staged module, hides the caller's MAYAR_* variables, and defines helpers.
# Everything runs in the caller's BeforeAll scope, exactly as if it were written there.
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingConvertToSecureStringWithPlainText', '', Justification = 'The local emulator''s test key and a deliberately wrong key, not secrets.')]
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', 'sample', Justification = 'Read by the Pester files that dot-source this one.')]
param()

$script:root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:root 'tools/MayarEmulator.psm1') -Force
$configuration = 'Debug'
if ($env:MAYAR_CREDIT_CONFIGURATION) {
    $configuration = $env:MAYAR_CREDIT_CONFIGURATION
}

$script:emulator = Start-MayarEmulator -Root $script:root -Configuration $configuration
# The module staged by that configuration's build (out/<Configuration>/Mayar.Credit).
$script:manifest = Join-Path $script:root "out/$configuration/Mayar.Credit/Mayar.Credit.psd1"
Import-Module $script:manifest -Force
$script:key = ConvertTo-SecureString -String $script:emulator.ApiKey -AsPlainText -Force
$script:wrongKey = ConvertTo-SecureString -String 'wrong-key-0000000000' -AsPlainText -Force
# A hashtable, for splatting (@sample); cast to [pscustomobject] to pipe it.
$sample = @{
    CustomerId = $script:emulator.SampleCustomerId
    ProductId  = $script:emulator.SampleProductId
}

# Tests must not pick up a developer's real key.
$script:savedEnvironment = @{}
foreach ($name in 'MAYAR_API_KEY', 'MAYAR_ENVIRONMENT', 'MAYAR_BASE_URI', 'MAYAR_MAX_RETRIES', 'MAYAR_REQUESTS_PER_MINUTE') {
    $script:savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    [Environment]::SetEnvironmentVariable($name, $null)
}

function Reset-Emulator {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper resetting the test emulator; nothing to confirm.')]
    param()

    Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'reset' | Out-Null
}

function Get-EmulatorRequest {
    @(Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Path 'requests')
}

# No pacing against the emulator, which enforces no rate limit unless a test sets one.
function Connect-Emulator {
    param([int] $MaxRetries = 4)
    Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -MaxRetries $MaxRetries
}

function Add-EmulatorFault {
    param([hashtable] $Fault)
    Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'faults' -Body $Fault | Out-Null
}

# The emulator's clock runs OffsetSeconds off real time (ledger times, history, Date headers) until the next reset.
function Set-EmulatorClock {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper steering the test emulator; nothing to confirm.')]
    param([double] $OffsetSeconds)
    Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'clock' -Body @{ offsetSeconds = $OffsetSeconds } | Out-Null
}

# lagMs, order (asked|asc|desc), ignoreDates, maxLimit: how the credit history misbehaves until the next reset.
# The settings are replaced whole: a key left out is back to its default.
function Set-EmulatorHistory {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper steering the test emulator; nothing to confirm.')]
    param([Alias('Behaviour')] [hashtable] $Settings)
    Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'history' -Body $Settings | Out-Null
}

$script:registerPath = '/credit/v1/credit/credit-usage/customer/regist'
$script:balancePath = '/credit/v1/credit/customer/balance'

function Stop-MayarPesterSession {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper ending the session this file started; nothing to confirm.')]
    param()

    Disconnect-Mayar -ErrorAction SilentlyContinue
    Remove-Module -Name Mayar.Credit -ErrorAction SilentlyContinue
    if ($script:emulator) {
        Stop-MayarEmulator -Emulator $script:emulator
    }

    foreach ($name in $script:savedEnvironment.Keys) {
        [Environment]::SetEnvironmentVariable($name, $script:savedEnvironment[$name])
    }
}
