# Validating a connection and the forms -ApiKey takes (Pester 5): Connect-Mayar -Validate, -ApiKey as SecureString,
# PSCredential or (with a warning) plain string, and the key in no stream.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    . (Join-Path $PSScriptRoot 'MayarPesterOutput.ps1')

    $script:plainKey = $script:emulator.ApiKey
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Connect-Mayar -Validate' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
        $script:before = Get-MayarConnection
    }

    It 'stores a connection whose key the API accepts, after one read' {
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -Validate -PassThru |
            Should -Not -BeNullOrEmpty
        (Get-ProbeRequest).Count | Should -Be 1
        Get-MayarConnection | Should -Not -Be $script:before
    }

    It 'sends nothing without -Validate' {
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a key the API refuses (<Case>) with Mayar.Unauthorized, and the previous default connection stays' -ForEach @(
        @{ Case = '401'; Fault = $null }
        @{ Case = '400 "API key does not have access"'; Fault = 'no access' }
    ) {
        $key = $script:wrongKey
        if ($Fault) {
            Add-EmulatorFault -Fault $script:noAccessFault
            $key = $script:key
        }

        $outcome = Invoke-UntilError { Connect-Mayar -ApiKey $key -BaseUri $script:emulator.BaseUrl -Validate -PassThru }

        $outcome.Output.Count | Should -Be 0
        $outcome.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.Unauthorized,*'
        $outcome.Error.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($outcome.Error.ErrorDetails)" | Should -BeLike '*did not store the connection*'
        "$($outcome.Error.ErrorDetails) $($outcome.Error.Exception.Message)" | Should -Not -BeLike "*$($script:emulator.ApiKey)*"
        Get-MayarConnection | Should -Be $script:before
    }

    It 'refuses an API it cannot reach, at once, and stores nothing' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $outcome = Invoke-UntilError { Connect-Mayar -ApiKey $script:key -BaseUri (Get-ClosedPortUrl) -Validate }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3

        $outcome.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.Transport,*'
        $outcome.Error.CategoryInfo.Category | Should -Be 'ConnectionError'
        Get-MayarConnection | Should -Be $script:before
    }
}

Describe 'Connect-Mayar -ApiKey' {
    BeforeEach {
        Reset-Emulator
        Disconnect-Mayar
    }

    It 'takes a PSCredential: the password is the key, the user name is ignored' {
        $credential = [pscredential]::new('ignored-user', $script:key)

        Connect-Mayar -ApiKey $credential -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -WarningVariable warned

        $warned.Count | Should -Be 0
        (Get-MayarCreditBalance @sample).Balance | Should -Be 30001
        (Test-MayarConnection).KeyAccepted | Should -BeTrue
    }

    It 'takes a PSCredential by position' {
        Connect-Mayar ([pscredential]::new('x', $script:key)) -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0
        (Test-MayarConnection).Status | Should -Be 'Ok'
    }

    It 'takes a SecureString without a warning' {
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -WarningVariable warned
        $warned.Count | Should -Be 0
        (Test-MayarConnection).Status | Should -Be 'Ok'
    }

    It 'takes a plain string (as Get-Secret -AsPlainText gives it), and warns that it can end up in history and logs' {
        Connect-Mayar -ApiKey $script:plainKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -WarningVariable warned -WarningAction SilentlyContinue

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*plain text*history*Get-Secret*'
        (Get-MayarCreditBalance @sample).Balance | Should -Be 30001
    }

    It 'shows a plain-string key in no stream, -Verbose and -Debug included' {
        if ($PSVersionTable.PSVersion.Major -lt 7) {
            Set-ItResult -Skipped -Because 'Windows PowerShell 5.1 -Debug prompts'
            return
        }

        $text = Get-StreamText {
            Connect-Mayar -ApiKey $script:plainKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -Validate -Verbose -Debug
            Test-MayarConnection -Verbose -Debug
        }

        $text | Should -BeLike '*plain text*'
        $text | Should -BeLike '*GET /hl/v2/customers -> 200*'
        $text | Should -Not -BeLike "*$($script:plainKey)*"
    }

    It 'writes the plain-text warning as a debug line under -Debug, where a warning would prompt' {
        # PowerShell makes a compiled cmdlet's warnings Inquire under -Debug ("Continue with this operation?").
        if ($PSVersionTable.PSVersion.Major -lt 7) {
            Set-ItResult -Skipped -Because 'Windows PowerShell 5.1 -Debug prompts for the debug lines too'
            return
        }

        $records = @(Connect-Mayar -ApiKey $script:plainKey -BaseUri $script:emulator.BaseUrl -Debug 5>&1 3>&1)

        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'WARNING: -ApiKey was given as plain text*' }).Count | Should -Be 1
        Get-MayarConnection | Should -Not -BeNullOrEmpty
    }

    It 'refuses <Shown> with Mayar.InvalidArgument naming -ApiKey and the types it takes, never the value' -ForEach @(
        @{ Shown = '42'; Value = 42 }
        @{ Shown = 'a hashtable'; Value = @{ key = 'sk-live-do-not-show-0001' } }
        @{ Shown = 'bytes'; Value = [byte[]](1, 2, 3) }
    ) {
        $outcome = Invoke-UntilError { Connect-Mayar -ApiKey $Value -BaseUri $script:emulator.BaseUrl }

        $outcome.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        "$($outcome.Error)" | Should -BeLike '-ApiKey must be a SecureString*a PSCredential*or a string, not a *'
        "$($outcome.Error)" | Should -Not -BeLike '*sk-live-do-not-show-0001*'
        Get-MayarConnection | Should -BeNullOrEmpty
    }

    It 'refuses an empty string or an empty credential with Mayar.InvalidArgument' -ForEach @(
        @{ Value = '' }
        @{ Value = [pscredential]::Empty }
    ) {
        { Connect-Mayar -ApiKey $Value -BaseUri $script:emulator.BaseUrl -ErrorAction Stop -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '-ApiKey must not be empty*'
    }

    It 'still refuses $null' {
        { Connect-Mayar -ApiKey $null -BaseUri $script:emulator.BaseUrl -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
