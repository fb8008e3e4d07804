# The PowerShell Gallery side (Pester 5): PowerShell's own tools accept both manifests, the repository's
# PSScriptAnalyzer settings keep the Gallery's rules, and the round trip through a repository works:
# build.ps1 -Task Publish to a temporary local repository, Find-PSResource, install, Import-Module by name in a
# new process, Get-Command and one cmdlet against the emulator, uninstall.
# Installing never touches the real user's modules: on Linux and macOS the child processes get a temporary
# HOME, so Install-PSResource -Scope CurrentUser and Uninstall-PSResource work on a throw-away scope; on Windows
# (where that scope is the Documents folder, not an environment variable) the module is saved with
# Save-PSResource into a temporary folder put first on the child's PSModulePath, and removed again.
# Run with: ./build.ps1 -Task Test   (the round trip needs PSResourceGet 1.1+, the analyzer tests PSScriptAnalyzer)

BeforeDiscovery {
    $script:hasResourceGet = [bool](Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet | Where-Object { $_.Version -ge [version]'1.1.0' })
    # PSScriptAnalyzer is not on NuGet: found as build.ps1 -Task Analyze finds it. The path reaches the run phase
    # through the environment.
    $analyzer = & (Join-Path $PSScriptRoot '../../tools/Find-PSScriptAnalyzer.ps1')
    $env:MAYAR_TEST_ANALYZER = $analyzer
    $script:hasAnalyzer = [bool]$analyzer
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    if ($env:MAYAR_TEST_ANALYZER) {
        Import-Module -Name $env:MAYAR_TEST_ANALYZER
    }

    $script:sourceManifest = Join-Path $script:root 'Mayar.Credit.psd1'
    $script:version = (Import-PowerShellDataFile -Path $script:sourceManifest).ModuleVersion
    # The one list of the module's cmdlets: the source manifest's exports.
    $script:cmdletNames = @((Import-PowerShellDataFile -Path $script:sourceManifest).CmdletsToExport | Sort-Object)
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('mayar-gallery-' + [guid]::NewGuid().ToString('N'))
    $script:repositoryFolder = Join-Path $script:work 'repository'
    $script:modulesFolder = Join-Path $script:work 'modules'
    $script:tempHome = Join-Path $script:work 'home'
    New-Item -ItemType Directory -Path $script:repositoryFolder, $script:modulesFolder, $script:tempHome -Force | Out-Null
    $script:repositoryName = 'Mayar.Credit.Test.' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    # Windows PowerShell 5.1 has no $IsWindows.
    $script:onWindows = $env:OS -eq 'Windows_NT'
    if ($script:onWindows) {
        $script:installedFolder = Join-Path $script:modulesFolder "Mayar.Credit/$($script:version)"
    }
    else {
        $script:installedFolder = Join-Path $script:tempHome ".local/share/powershell/Modules/Mayar.Credit/$($script:version)"
    }

    # Runs a script in a new PowerShell process of the same edition, without profiles, with the temporary HOME
    # (Linux, macOS) and the temporary module folder first on PSModulePath; returns its exit code and output.
    function Invoke-IsolatedPowerShell {
        param([string] $Script)
        $executable = $script:powerShellExecutable
        $leading = $script:powerShellArguments
        $prelude = "`$env:PSModulePath = '$($script:modulesFolder)' + [IO.Path]::PathSeparator + `$env:PSModulePath`n`$ErrorActionPreference = 'Stop'`n"
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($prelude + $Script))
        $savedHome = $env:HOME
        try {
            if (-not $script:onWindows) {
                $env:HOME = $script:tempHome
            }

            $output = & $executable @leading -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        }
        finally {
            $env:HOME = $savedHome
        }

        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
}

AfterAll {
    if (Get-Command -Name Unregister-PSResourceRepository -ErrorAction SilentlyContinue) {
        Unregister-PSResourceRepository -Name $script:repositoryName -ErrorAction SilentlyContinue
    }

    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
    Stop-MayarPesterSession
}

Describe 'The manifests, read by PowerShell''s own tools' {
    It 'Test-ModuleManifest accepts the source manifest where it stands in the repository' {
        $info = Test-ModuleManifest -Path $script:sourceManifest -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $info.Version | Should -Be ([version]$script:version)
        $info.ExportedFormatFiles | Should -Be @('Connection', 'Customer', 'Credit', 'Membership' | ForEach-Object { Join-Path $script:root "src/Mayar.Credit/Mayar.Credit.$_.Format.ps1xml" })
    }

    It 'Test-ModuleManifest accepts the staged manifest' {
        $info = Test-ModuleManifest -Path $script:manifest -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        # "$PSEdition/Mayar.Credit.dll", as this PowerShell reads it.
        $info.RootModule | Should -Be "$PSEdition/Mayar.Credit.dll"
        Join-Path (Split-Path -Parent $script:manifest) $info.RootModule | Should -Exist
        $info.Version | Should -Be ([version]$script:version)
        @($info.ExportedCmdlets.Keys | Sort-Object) | Should -Be $script:cmdletNames
    }

    It 'Invoke-ScriptAnalyzer reads <Name> without error or finding' -Skip:(-not $script:hasAnalyzer) -ForEach @(
        @{ Name = 'the source manifest'; Path = 'Mayar.Credit.psd1' }
        @{ Name = 'the settings file'; Path = 'PSScriptAnalyzerSettings.psd1' }
    ) {
        $settings = Join-Path $script:root 'PSScriptAnalyzerSettings.psd1'
        $findings = Invoke-ScriptAnalyzer -Path (Join-Path $script:root $Path) -Settings $settings -ErrorAction Stop
        $findings | Should -BeNullOrEmpty
    }

    It 'Invoke-ScriptAnalyzer reads the staged manifest without error or finding' -Skip:(-not $script:hasAnalyzer) {
        Invoke-ScriptAnalyzer -Path $script:manifest -Settings (Join-Path $script:root 'PSScriptAnalyzerSettings.psd1') -ErrorAction Stop |
            Should -BeNullOrEmpty
    }

    It 'the analyzer settings run every rule of the Gallery''s preset' -Skip:(-not $script:hasAnalyzer) {
        $analyzer = Get-Module -Name PSScriptAnalyzer | Sort-Object -Property Version -Descending | Select-Object -First 1
        $gallery = Import-PowerShellDataFile -Path (Join-Path $analyzer.ModuleBase 'Settings/PSGallery.psd1')
        $settings = Import-PowerShellDataFile -Path (Join-Path $script:root 'PSScriptAnalyzerSettings.psd1')
        $settings.Keys | Should -Not -Contain 'IncludeRules' -Because 'leaving IncludeRules out runs the default rules, which hold the Gallery''s'
        $available = @(Get-ScriptAnalyzerRule | ForEach-Object { $_.RuleName })
        foreach ($pattern in $gallery.IncludeRules) {
            $rules = @($available | Where-Object { $_ -like $pattern })
            $rules | Should -Not -BeNullOrEmpty -Because "the Gallery rule $pattern exists in this PSScriptAnalyzer"
            foreach ($rule in $rules) {
                foreach ($excluded in @($settings.ExcludeRules)) {
                    $rule | Should -Not -BeLike $excluded -Because "$rule is a Gallery rule"
                }
            }
        }
    }
}

Describe 'The Gallery round trip through a local repository' -Skip:(-not $script:hasResourceGet) {
    BeforeAll {
        Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.1.0
        Register-PSResourceRepository -Name $script:repositoryName -Uri $script:repositoryFolder -Trusted
        $build = Join-Path $script:root 'build.ps1'
        $script:published = & $build -Task Publish -Repository $script:repositoryName -Configuration $configuration -NoBuild
    }

    It 'build.ps1 -Task Publish writes the built package to the repository' {
        $name = "Mayar.Credit.$($script:version).nupkg"
        @(Get-ChildItem -LiteralPath $script:repositoryFolder -Filter '*.nupkg' | ForEach-Object { $_.Name }) | Should -Be @($name)
        $published = Join-Path $script:repositoryFolder $name
        $built = Join-Path $script:root "out/$configuration/package/$name"
        (Get-FileHash -LiteralPath $published).Hash | Should -Be (Get-FileHash -LiteralPath $built).Hash
    }

    It 'Find-PSResource finds it, with its version, tags and cmdlets' {
        $found = Find-PSResource -Name 'Mayar.Credit' -Repository $script:repositoryName
        $found.Name | Should -Be 'Mayar.Credit'
        $found.Version | Should -Be ([version]$script:version)
        # PSResourceGet reads the PSModule, PSCmdlet_ and PSIncludes_ tags into Type and Includes.
        [string]$found.Type | Should -Be 'Module'
        $found.Tags | Should -Contain 'PSEdition_Core'
        @($found.Includes.Cmdlet | Sort-Object) | Should -Be $script:cmdletNames
    }

    It 'installs into a temporary scope' {
        if ($script:onWindows) {
            Save-PSResource -Name 'Mayar.Credit' -Repository $script:repositoryName -Path $script:modulesFolder -TrustRepository
        }
        else {
            $result = Invoke-IsolatedPowerShell -Script @"
Register-PSResourceRepository -Name '$($script:repositoryName)' -Uri '$($script:repositoryFolder)' -Trusted
Install-PSResource -Name Mayar.Credit -Repository '$($script:repositoryName)' -Scope CurrentUser -TrustRepository
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        }

        Join-Path $script:installedFolder 'Mayar.Credit.psd1' | Should -Exist
        Join-Path $script:installedFolder 'Desktop/Mayar.Credit.dll' | Should -Exist
        Join-Path $script:installedFolder 'Core/Mayar.Credit.dll' | Should -Exist
        Join-Path $script:installedFolder 'en-US/Mayar.Credit.dll-Help.xml' | Should -Exist
    }

    It 'a new process imports the installed module by name, lists its cmdlets and reads a balance from the emulator' {
        $result = Invoke-IsolatedPowerShell -Script @"
Import-Module -Name Mayar.Credit
'base=' + (Get-Module -Name Mayar.Credit).ModuleBase
Get-Command -Module Mayar.Credit | Sort-Object -Property Name | ForEach-Object { 'command=' + `$_.Name }
`$key = ConvertTo-SecureString -String '$($script:emulator.ApiKey)' -AsPlainText -Force
Connect-Mayar -ApiKey `$key -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0
`$balance = Get-MayarCreditBalance -CustomerId '$($script:emulator.SampleCustomerId)' -ProductId '$($script:emulator.SampleProductId)'
'balance-type=' + `$balance.GetType().FullName
'balance-customer=' + `$balance.CustomerId
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $base = ($result.Output | Where-Object { $_ -like 'base=*' }) -replace '^base=', ''
        $base | Should -Be $script:installedFolder
        @($result.Output | Where-Object { $_ -like 'command=*' } | ForEach-Object { $_ -replace '^command=', '' }) | Should -Be $script:cmdletNames
        $result.Output | Should -Contain "balance-customer=$($script:emulator.SampleCustomerId)"
        @($result.Output | Where-Object { $_ -like 'balance-type=Mayar.Credit*' }) | Should -HaveCount 1
    }

    It 'the installed Desktop/ assemblies (Windows PowerShell 5.1''s) load and read a balance too, imported by path with the views' {
        # Windows PowerShell 5.1 cannot run here; this checks the Desktop/ folder is complete and that its netstandard2.0 build works.
        $result = Invoke-IsolatedPowerShell -Script @"
Import-Module -Name '$(Join-Path $script:installedFolder 'Desktop/Mayar.Credit.dll')'
Get-ChildItem -Path '$($script:installedFolder)' -Filter 'Mayar.Credit.*.Format.ps1xml' | ForEach-Object { Update-FormatData -PrependPath `$_.FullName }
'location=' + [Mayar.Credit.MayarConnection].Assembly.Location
`$key = ConvertTo-SecureString -String '$($script:emulator.ApiKey)' -AsPlainText -Force
Connect-Mayar -ApiKey `$key -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0
'balance-customer=' + (Get-MayarCreditBalance -CustomerId '$($script:emulator.SampleCustomerId)' -ProductId '$($script:emulator.SampleProductId)').CustomerId
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain ('location=' + (Join-Path $script:installedFolder 'Desktop/Mayar.Credit.dll'))
        $result.Output | Should -Contain "balance-customer=$($script:emulator.SampleCustomerId)"
    }

    It 'uninstalls it again' {
        if ($script:onWindows) {
            # Save-PSResource has no uninstall: the saved copy is removed, which is all an uninstall does.
            Remove-Item -LiteralPath (Split-Path -Path $script:installedFolder -Parent) -Recurse -Force
        }
        else {
            $result = Invoke-IsolatedPowerShell -Script "Uninstall-PSResource -Name Mayar.Credit -Version '$($script:version)' -SkipDependencyCheck"
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        }

        $script:installedFolder | Should -Not -Exist
        $result = Invoke-IsolatedPowerShell -Script "'left=' + @(Get-Module -ListAvailable -Name Mayar.Credit).Count"
        $result.Output | Should -Contain 'left=0'
    }
}
