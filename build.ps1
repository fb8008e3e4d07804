<#
.SYNOPSIS
    Builds, tests or demonstrates the Mayar.Credit module.
.DESCRIPTION
    Build: dotnet build, which stages the loadable module at out/Mayar.Credit/.
    Test:  Build, then dotnet test (xunit), then the Pester tests in tests/pester (needs Pester 5.3+).
           With -NoBuild, runs the test assemblies already built (CI builds once and tests on every OS).
    Demo:  Build, start the local emulator, import the staged module and run all six cmdlets against it.
    Package: dotnet pack, which writes the PowerShell Gallery package out/package/Mayar.Credit.<version>.nupkg
           (the staged module at its root; nuspec from the manifest). Publish it with
           Publish-PSResource -NupkgPath, or push it with dotnet nuget push.
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Test only: use what an earlier build left in bin/ and out/.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'Mayar.Credit.slnx'
$manifest = Join-Path $root 'out/Mayar.Credit/Mayar.Credit.psd1'

function Invoke-Dotnet {
    param([string[]] $Arguments)

    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Dotnet -Arguments @('build', $solution, '--configuration', $Configuration)
}

function Invoke-TestTask {
    if ($NoBuild) {
        # The built test assemblies themselves, so no restore or project evaluation is needed here.
        $assemblies = foreach ($project in 'Mayar.Credit.Client.Tests', 'Mayar.Credit.Tests') {
            $dll = Join-Path $root "tests/$project/bin/$Configuration/net10.0/$project.dll"
            if (-not (Test-Path -LiteralPath $dll)) {
                throw "$dll is not built: run without -NoBuild, or build with -Configuration $Configuration first."
            }

            $dll
        }

        Invoke-Dotnet -Arguments (@('test') + $assemblies)
    }
    else {
        Invoke-BuildTask
        Invoke-Dotnet -Arguments @('test', $solution, '--configuration', $Configuration, '--no-build')
    }

    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version]'5.3.0' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        throw 'Pester 5.3 or later is needed: Install-Module Pester -MinimumVersion 5.3.0 -Scope CurrentUser'
    }

    Import-Module $pester
    $env:MAYAR_CREDIT_CONFIGURATION = $Configuration
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    Import-Module (Join-Path $root 'tools/MayarEmulator.psm1') -Force
    $emulator = Start-MayarEmulator -Root $root -Configuration $Configuration
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

        Write-Host 'Create a customer record:' -ForegroundColor Cyan
        New-MayarCustomer -Name 'Brighton Mboya' -Email 'brighton@jani.com' -Phone '+2557881234567' -City 'Dar es Salaam' `
            -Country TZ -PaymentMethod 'card_01h3vjs3b16yc3f9q8q9pfrb79' -Status active -CustomData @{ loyalty_program = 'Gold' } |
            Format-List | Out-Host

        Write-Host 'A re-run is a conflict for that row only:' -ForegroundColor Cyan
        $members[0] | Register-MayarCustomer -ProductId $emulator.ProductId -ErrorAction SilentlyContinue -ErrorVariable rerun | Out-Null
        $rerun | ForEach-Object { Write-Host "  $($_.FullyQualifiedErrorId): $($_.Exception.Message)" }

        Disconnect-Mayar
    }
    finally {
        Stop-MayarEmulator -Emulator $emulator
    }
}

function Invoke-PackageTask {
    Invoke-Dotnet -Arguments @('pack', (Join-Path $root 'src/Mayar.Credit/Mayar.Credit.csproj'), '--configuration', $Configuration)
    $version = (Import-PowerShellDataFile -Path (Join-Path $root 'Mayar.Credit.psd1')).ModuleVersion
    $package = Join-Path $root "out/package/Mayar.Credit.$version.nupkg"
    if (-not (Test-Path -LiteralPath $package)) {
        throw "dotnet pack did not write $package."
    }

    Get-Item -LiteralPath $package
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Demo' { Invoke-DemoTask }
    'Package' { Invoke-PackageTask }
}
