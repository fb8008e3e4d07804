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

# This PowerShell as a command for a child process: its executable and the arguments before its own. Under the local
# .NET tool (`dotnet pwsh`, what `dotnet test` runs the suite in) the process is dotnet, running pwsh.dll.
$script:powerShellExecutable = (Get-Process -Id $PID).Path
$script:powerShellArguments = @()
if ([System.IO.Path]::GetFileNameWithoutExtension($script:powerShellExecutable) -eq 'dotnet') {
    $script:powerShellArguments = @([System.Reflection.Assembly]::GetEntryAssembly().Location)
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

$script:addPath = '/credit/v1/credit/customer/add-credit'
$script:spendPath = '/credit/v1/credit/customer/spend'

# A fresh product with $Count fresh customers, registered without trial credit.
function New-TestCustomer {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper registering test customers in the test emulator; nothing to confirm.')]
    param([int] $Count)
    $product = (Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'products' -Body @{}).id
    $customers = 1..$Count | ForEach-Object {
        Register-MayarCustomer -ProductId $product -Name "Batch Customer $_" -Email ("batch.{0}@example.com" -f [guid]::NewGuid().ToString('N')) -Mobile '08123456789'
    }
    [pscustomobject]@{ ProductId = $product; CustomerIds = @($customers.CustomerId) }
}

# A reset emulator, the default connection to it, and $Count fresh customers in a fresh product.
function Reset-TestAccount {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper resetting the test emulator; nothing to confirm.')]
    param([int] $Count)
    Reset-Emulator
    Connect-Emulator
    New-TestCustomer -Count $Count
}

function Set-EmulatorLatency {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper steering the test emulator; nothing to confirm.')]
    param([int] $Ms)
    Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = $Ms; maxMs = $Ms } | Out-Null
}

# Runs $Script and collects what it writes until a terminating error ends it: .Output, and .Error (null if none).
function Invoke-UntilError {
    param([scriptblock] $Script)
    $out = [System.Collections.Generic.List[object]]::new()
    $thrown = $null
    try {
        & $Script | ForEach-Object { $out.Add($_) }
    }
    catch {
        $thrown = $_
    }

    [pscustomobject]@{ Output = $out.ToArray(); Error = $thrown }
}

# Each customer's balance in the ledger, in the order of $Accounts.CustomerIds.
function Get-TestBalance {
    param($Accounts)
    @($Accounts.CustomerIds | ForEach-Object { (Get-MayarCreditBalance -CustomerId $_ -ProductId $Accounts.ProductId).Balance })
}

function Get-AddCreditRequest {
    @(Get-EmulatorRequest | Where-Object { $_.method -eq 'POST' -and $_.path -eq $script:addPath })
}

# A fresh journal path in the test drive.
function New-TestJournalPath {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Only makes up a path; creates nothing.')]
    param()
    Join-Path $TestDrive ('{0}.jsonl' -f [guid]::NewGuid().ToString('N'))
}

# A journal's events (JSON Lines, after the header line).
function Read-Journal {
    param([string] $Path)
    @(Get-Content -LiteralPath $Path | Select-Object -Skip 1 | ForEach-Object { $_ | ConvertFrom-Json })
}

function Wait-Until {
    param([scriptblock] $Condition, [int] $TimeoutSec = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) {
            throw "Timed out after $TimeoutSec s waiting for: $Condition"
        }

        Start-Sleep -Milliseconds 50
    }
}

# The add-credit requests a process-hang fault let through and whose answer it holds (or held).
function Get-HeldRequest {
    @(Get-AddCreditRequest | Where-Object { $_.fault -like 'process-hang*' -and $_.processed })
}

# Starts $Command on $Rows with -JournalPath in a [powershell] instance of this process (importing the module and
# connecting on its own), and returns the instance: .Stop() is Ctrl+C; dispose it when done.
function Start-MovementInstance {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper moving test credit in the test emulator; nothing to confirm.')]
    param([object[]] $Rows, [string] $Journal, [int] $ThrottleLimit = 1, [int] $TimeoutSec = 100, [string] $Command = 'Add-MayarCredit')
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($Manifest, $BaseUrl, $Key, $Rows, $Journal, $ThrottleLimit, $TimeoutSec, $Command)
            Import-Module $Manifest
            Connect-Mayar -ApiKey $Key -BaseUri $BaseUrl -RequestsPerMinute 0 -TimeoutSec $TimeoutSec
            $Rows | & $Command -ThrottleLimit $ThrottleLimit -JournalPath $Journal
        }).AddParameters(@{ Manifest = $script:manifest; BaseUrl = $script:emulator.BaseUrl; Key = $script:key; Rows = $Rows; Journal = $Journal; ThrottleLimit = $ThrottleLimit; TimeoutSec = $TimeoutSec; Command = $Command })
    $null = $ps.BeginInvoke()
    $ps
}

# A loopback port where nothing listens: connecting is refused at once.
function Get-ClosedPortUrl {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    "http://127.0.0.1:$port"
}

# The requests Test-MayarConnection and Connect-Mayar -Validate send to check a key.
function Get-ProbeRequest {
    @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/hl/v2/customers' })
}

# The credit service's answer to a key without access: 400 in the body, docs/api/mayar-api.md section 15.
$script:noAccessFault = @{ status = 400; body = '{"statusCode":400,"messages":"API key does not have access"}' }
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
