<#
.SYNOPSIS
    Builds, tests or demonstrates the Mayar.Credit module.
.DESCRIPTION
    Each configuration has its own folders: the loadable module at out/<Configuration>/Mayar.Credit/ and the
    Gallery package at out/<Configuration>/package/, so building one never changes the other's.

    Build: dotnet build, which stages the loadable module at out/<Configuration>/Mayar.Credit/ (its manifest
           written from the source manifest Mayar.Credit.psd1 at the root) and writes the Gallery package.
    Test:  Build, then dotnet test (xunit, leaving out tests/Mayar.Credit.PesterTests, which runs the Pester files
           in the local tool PowerShell), then the Pester tests in tests/pester in this PowerShell.
           With -NoBuild, runs the test assemblies already built (CI builds once and tests on every OS).
    Pester: Build (unless -NoBuild), then only the Pester tests in tests/pester, in this PowerShell. Pester is the
           package pinned in tools/Mayar.Credit.PesterPackage, imported by path from the NuGet packages folder
           (restored first when missing), never a Pester installed in a module folder.
    Demo:  Build, start the local emulator, import the staged module and run the cmdlets against it: register, top up,
           spend, history, balance, a customer record, a conflict.
    Package: dotnet pack, which writes the PowerShell Gallery package
           out/<Configuration>/package/Mayar.Credit.<version>.nupkg (the staged module at its root; nuspec from
           the manifest).
    Publish: Package (or, with -NoBuild, take the package already built), then Publish-PSResource -NupkgPath
           to -Repository (a registered PSResourceGet repository), by default to a local file repository at
           out/<Configuration>/repository/ registered only while publishing. Needs PSResourceGet 1.1+.
    Analyze: Invoke-ScriptAnalyzer with PSScriptAnalyzerSettings.psd1 over every .ps1, .psm1 and .psd1
           (bin/, obj/, out/, node_modules/ skipped); prints every finding and fails on any Warning or Error.
           PSScriptAnalyzer is an installed module, else the one in ../shared/tools/pwsh beside the repository
           (the project's build machines); with neither, fails (or, with -SkipMissingAnalyzer, says it skipped).
.EXAMPLE
    ./build.ps1 -Task Demo
.EXAMPLE
    ./build.ps1 -Task Publish -Configuration Release -Repository PSGallery -ApiKey $key
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSReviewUnusedParameter', '', Justification = 'The task functions read the script parameters; the rule does not follow script scope into functions.')]
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Package', 'Publish', 'Analyze')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Test, Pester and Publish: use what an earlier build left in bin/ and out/.
    [switch] $NoBuild,

    # Publish: the registered PSResourceGet repository; by default a local one at out/<Configuration>/repository/.
    [string] $Repository,

    # Publish: the repository's API key (the PowerShell Gallery needs one; a local folder does not).
    [string] $ApiKey,

    # Analyze: without PSScriptAnalyzer, say the analysis was skipped and why, and succeed (.ci/run).
    [switch] $SkipMissingAnalyzer
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'Mayar.Credit.slnx'
$version = (Import-PowerShellDataFile -Path (Join-Path $root 'Mayar.Credit.psd1')).ModuleVersion
$package = Join-Path $root "out/$Configuration/package/Mayar.Credit.$version.nupkg"

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
        # The Pester xunit project runs the same Pester files (in the local tool PowerShell); here they run below,
        # in this PowerShell, so once.
        Invoke-Dotnet -Arguments @('test', $solution, '--configuration', $Configuration, '--no-build', '--filter', 'FullyQualifiedName!~Mayar.Credit.PesterTests')
    }

    Invoke-PesterTask
}

function Invoke-PesterTask {
    if (-not $NoBuild -and $Task -eq 'Pester') {
        Invoke-BuildTask
    }

    Import-Module (Get-PesterModulePath) -Force
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

# NuGet's global packages folder: NUGET_PACKAGES, else what dotnet says (~/.nuget/packages by default).
function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) {
        return $env:NUGET_PACKAGES
    }

    # All of the output first: Select-Object -First would stop dotnet before $LASTEXITCODE is set.
    $listed = @(& dotnet nuget locals global-packages --list)
    $line = $listed | Where-Object { $_ -match '^\s*global-packages:' } | Select-Object -First 1
    if ($LASTEXITCODE -ne 0 -or -not $line) {
        throw 'dotnet nuget locals global-packages --list did not name the NuGet packages folder.'
    }

    ($line -replace '^\s*global-packages:\s*', '').Trim()
}

# Pester.psd1 of the package pinned in tools/Mayar.Credit.PesterPackage/Pester.props, restored when missing.
function Get-PesterModulePath {
    $project = Join-Path $root 'tools/Mayar.Credit.PesterPackage/Mayar.Credit.PesterPackage.csproj'
    $props = [xml](Get-Content -LiteralPath (Join-Path $root 'tools/Mayar.Credit.PesterPackage/Pester.props') -Raw)
    $pesterVersion = $props.Project.PropertyGroup.MayarPesterVersion
    $path = Join-Path (Get-NuGetPackagesFolder) "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $path)) {
        Invoke-Dotnet -Arguments @('restore', $project) | Out-Host
    }

    if (-not (Test-Path -LiteralPath $path)) {
        throw "dotnet restore of $project did not bring $path."
    }

    $path
}

function Invoke-DemoTask {
    Invoke-BuildTask
    & (Join-Path $root 'tools/MayarDemo.ps1') -Root $root -Configuration $Configuration
}

function Invoke-PackageTask {
    Invoke-Dotnet -Arguments @('pack', (Join-Path $root 'src/Mayar.Credit/Mayar.Credit.csproj'), '--configuration', $Configuration)
    if (-not (Test-Path -LiteralPath $package)) {
        throw "dotnet pack did not write $package."
    }

    Get-Item -LiteralPath $package
}

function Invoke-PublishTask {
    if ($NoBuild) {
        if (-not (Test-Path -LiteralPath $package)) {
            throw "$package is not built: run without -NoBuild, or build with -Configuration $Configuration first."
        }
    }
    else {
        Invoke-PackageTask | Out-Null
    }

    $resourceGet = Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet |
        Where-Object { $_.Version -ge [version]'1.1.0' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if (-not $resourceGet) {
        throw 'PSResourceGet 1.1 or later is needed (Publish-PSResource -NupkgPath): Install-Module Microsoft.PowerShell.PSResourceGet -Scope CurrentUser'
    }

    Import-Module $resourceGet
    $name = $Repository
    $temporary = $false
    if (-not $name) {
        # The default: a folder under out/, registered under a unique name only while publishing.
        $folder = Join-Path $root "out/$Configuration/repository"
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
        # A version can be published once; this folder is the build's own, so a re-run replaces it.
        Get-ChildItem -LiteralPath $folder -Filter '*.nupkg' |
            Where-Object { $_.Name -eq "Mayar.Credit.$version.nupkg" } |
            Remove-Item -Force
        $name = 'Mayar.Credit.Build.' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Register-PSResourceRepository -Name $name -Uri $folder -Trusted
        $temporary = $true
    }

    try {
        $publish = @{ NupkgPath = $package; Repository = $name }
        if ($ApiKey) {
            $publish.ApiKey = $ApiKey
        }

        Publish-PSResource @publish
        Write-Verbose "Published $package to $name."
        if ($temporary) {
            Find-PSResource -Name 'Mayar.Credit' -Version $version -Repository $name
        }
    }
    finally {
        if ($temporary) {
            Unregister-PSResourceRepository -Name $name
        }
    }
}

function Invoke-AnalyzeTask {
    # An installed one, else the one the project's build machines carry in ../shared/tools/pwsh.
    $analyzer = & (Join-Path $root 'tools/Find-PSScriptAnalyzer.ps1')
    $shared = Join-Path (Split-Path -Parent $root) 'shared/tools/pwsh/install'

    if (-not $analyzer) {
        $from = 'there is no ../shared/tools/pwsh beside the repository'
        if (Test-Path -LiteralPath $shared) {
            $from = "$shared gave none"
        }

        $reason = "PSScriptAnalyzer is not installed (Install-Module PSScriptAnalyzer -Scope CurrentUser; it is not on NuGet) and $from."
        if ($SkipMissingAnalyzer) {
            Write-Output "PSScriptAnalyzer: skipped: $reason"
            return
        }

        throw $reason
    }

    Import-Module $analyzer
    Write-Output "PSScriptAnalyzer $((Get-Module -Name PSScriptAnalyzer).Version) from $((Get-Module -Name PSScriptAnalyzer).ModuleBase)"
    $settings = Join-Path $root 'PSScriptAnalyzerSettings.psd1'
    $skipped = '[\\/](bin|obj|out|node_modules|\.git)[\\/]'
    $files = Get-ChildItem -LiteralPath $root -Recurse -File |
        Where-Object { @('.ps1', '.psm1', '.psd1') -contains $_.Extension.ToLowerInvariant() } |
        Where-Object { $_.FullName.Substring($root.Length) -notmatch $skipped } |
        Sort-Object -Property FullName
    $findings = @($files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings $settings })

    foreach ($finding in $findings) {
        $file = $finding.ScriptPath.Substring($root.Length + 1)
        Write-Output ('{0} {1} {2}:{3} {4}' -f $finding.Severity, $finding.RuleName, $file, $finding.Line, $finding.Message)
    }

    $failing = @($findings | Where-Object { @('Warning', 'Error', 'ParseError') -contains [string]$_.Severity })
    Write-Output "PSScriptAnalyzer: $(@($files).Count) files, $($findings.Count) findings, $($failing.Count) warnings or errors."
    if ($failing.Count -gt 0) {
        throw "PSScriptAnalyzer found $($failing.Count) warning(s) or error(s)."
    }
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Pester' { Invoke-PesterTask }
    'Demo' { Invoke-DemoTask }
    'Package' { Invoke-PackageTask }
    'Publish' { Invoke-PublishTask }
    'Analyze' { Invoke-AnalyzeTask }
}
