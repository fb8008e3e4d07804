# Testing a connection (Pester 5): Test-MayarConnection against answers, faults and refused keys.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    . (Join-Path $PSScriptRoot 'MayarPesterOutput.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Test-MayarConnection' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'reports a good key as reachable and accepted, with one read of one customer' {
        $test = Test-MayarConnection

        $test | Should -BeOfType Mayar.Credit.Client.MayarConnectionTest
        $test.Status | Should -Be 'Ok'
        $test.Reachable | Should -BeTrue
        $test.KeyAccepted | Should -BeTrue
        $test.StatusCode | Should -Be 200
        $test.ErrorId | Should -BeNullOrEmpty
        $test.BaseUri | Should -Be ([uri]$script:emulator.BaseUrl)
        $test.RoundTripMs | Should -BeGreaterOrEqual 0
        $requests = Get-ProbeRequest
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Be '?limit=1'
    }

    It 'reports a refused key (401) as reachable and not accepted, without an error' {
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0

        $test = Test-MayarConnection -ErrorVariable failed

        $failed.Count | Should -Be 0
        $test.Status | Should -Be 'KeyRefused'
        $test.Reachable | Should -BeTrue
        $test.KeyAccepted | Should -BeFalse
        $test.StatusCode | Should -Be 401
        $test.ErrorId | Should -Be 'Mayar.Unauthorized'
        $test.Message | Should -BeLike '*refused the API key*'
    }

    It 'reports the credit service''s 400 "API key does not have access" as a refused key' {
        Add-EmulatorFault -Fault $script:noAccessFault

        $test = Test-MayarConnection

        $test.Status | Should -Be 'KeyRefused'
        $test.KeyAccepted | Should -BeFalse
        $test.StatusCode | Should -Be 400
    }

    It 'reports an unreachable API at once, though the connection retries 4 times' {
        $closed = Connect-Mayar -ApiKey $script:key -BaseUri (Get-ClosedPortUrl) -PassThru
        $closed.MaxRetries | Should -Be 4

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $test = Test-MayarConnection -Connection $closed
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3

        $test.Status | Should -Be 'Unreachable'
        $test.Reachable | Should -BeFalse
        $test.KeyAccepted | Should -BeNullOrEmpty
        $test.ServerTimeOffset | Should -BeNullOrEmpty
        $test.ErrorId | Should -Be 'Mayar.Transport'
    }

    It 'gives up on an API that does not answer within -TimeoutSec, with one request' {
        Add-EmulatorFault -Fault @{ kind = 'hang'; count = 0 }

        $test = Test-MayarConnection -TimeoutSec 1

        $test.Status | Should -Be 'TimedOut'
        $test.Message | Should -BeLike '*within 1 s*'
        (Get-ProbeRequest).Count | Should -Be 1
    }

    It 'shows the server''s clock offset from the Date header' {
        Set-EmulatorClock -OffsetSeconds -300

        $test = Test-MayarConnection

        $test.ServerTimeOffset | Should -BeOfType [timespan]
        $test.ServerTimeOffset.TotalSeconds | Should -BeGreaterThan -302.5
        $test.ServerTimeOffset.TotalSeconds | Should -BeLessThan -297.5
    }

    It '-Quiet writes only $true for a good key' {
        $answer = @(Test-MayarConnection -Quiet)
        $answer.Count | Should -Be 1
        $answer[0] | Should -BeOfType [bool]
        $answer[0] | Should -BeTrue
    }

    It '-Quiet writes $false for a refused key, an unreachable API and no connection, and no error' {
        $wrong = Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -PassThru
        $closed = Connect-Mayar -ApiKey $script:key -BaseUri (Get-ClosedPortUrl) -PassThru
        Disconnect-Mayar

        Test-MayarConnection -Connection $wrong -Quiet -ErrorVariable failed | Should -BeFalse
        Test-MayarConnection -Connection $closed -Quiet -ErrorVariable +failed | Should -BeFalse
        Test-MayarConnection -Quiet -ErrorVariable +failed | Should -BeFalse
        $failed.Count | Should -Be 0
    }

    It 'stops with Mayar.NotConnected when there is no connection' {
        Disconnect-Mayar
        { Test-MayarConnection -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.NotConnected,*'
    }

    It 'tests each piped connection, in order' {
        $good = Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -PassThru
        $wrong = Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -PassThru

        $tests = @($good, $wrong | Test-MayarConnection)

        $tests.Count | Should -Be 2
        $tests[0].Status | Should -Be 'Ok'
        $tests[1].Status | Should -Be 'KeyRefused'
    }

    It 'writes the request line with -Verbose, and the key in no stream' {
        $text = Get-StreamText { Test-MayarConnection -Verbose }
        $text | Should -BeLike '*GET /hl/v2/customers -> 200*'
        $text | Should -Not -BeLike "*$($script:emulator.ApiKey)*"
    }

    It 'shows Status, RoundTripMs, ServerTimeOffset and BaseUri whole in an 80-column table' {
        Set-EmulatorClock -OffsetSeconds -300
        $tests = @(
            Test-MayarConnection
            Test-MayarConnection -Connection (Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -PassThru)
            Test-MayarConnection -Connection (Connect-Mayar -ApiKey $script:key -BaseUri (Get-ClosedPortUrl) -PassThru)
        )

        foreach ($width in 80, 79) {
            $rendered = ($tests | Out-String -Width $width) -replace "$([char]27)\[[0-9;]*m", ''
            $lines = @($rendered -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
            $lines.Count | Should -Be 5 -Because "a header, the dashes and a line per test:`n$rendered"
            $lines[0] | Should -Match '^Status\s+RoundTripMs\s+ServerTimeOffset\s+BaseUri$'
            foreach ($line in $lines) {
                $line.Length | Should -BeLessOrEqual $width -Because "'$line' must fit $width columns"
            }

            for ($i = 0; $i -lt $tests.Count; $i++) {
                $cells = @($lines[$i + 2].Trim() -split '\s+')
                $cells | Should -Contain ([string]$tests[$i].Status)
                $cells | Should -Contain ([string]$tests[$i].RoundTripMs)
                $cells | Should -Contain $tests[$i].BaseUri.AbsoluteUri
            }

            @($lines[2].Trim() -split '\s+') | Should -Contain $tests[0].ServerTimeOffset.ToString('g')
        }
    }

    It 'shows every property, the message among them, in Format-List' {
        $text = Test-MayarConnection | Format-List | Out-String -Width 80
        foreach ($name in 'Status', 'Reachable', 'KeyAccepted', 'Message', 'Environment', 'BaseUri', 'ApiKeyHint', 'StatusCode', 'ErrorId', 'RoundTripMs', 'ServerTimeOffset', 'ServerTimeUncertainty', 'TestedAt') {
            $text | Should -Match "(?m)^$name\s+:"
        }
    }
}
