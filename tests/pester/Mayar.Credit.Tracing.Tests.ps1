# Tracing and pipelines (Pester 5): -Verbose and -Debug without secrets, pipeline chains between the cmdlets, and
# -ThrottleLimit.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    . (Join-Path $PSScriptRoot 'MayarPesterOutput.ps1')

    $script:manifest = Join-Path $script:root "out/$configuration/Mayar.Credit/Mayar.Credit.psd1"
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Tracing' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It '-Verbose writes exactly one line per request, with method, path, status and milliseconds' {
        $rows = Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'members.csv')
        $verbose = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
                ForEach-Object { $_.Message } |
                Where-Object { $_ -match ' -> ' })
        $verbose.Count | Should -Be 3
        $verbose | ForEach-Object { $_ | Should -Match '^POST /credit/v1/credit/credit-usage/customer/regist -> 200 \(\d+ ms\)$' }
    }

    It '-Verbose never shows the query string of a read' {
        $verbose = (Get-MayarCreditBalance @sample -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -Match 'GET /credit/v1/credit/customer/balance -> 200'
        $verbose.Contains('?') | Should -BeFalse
        $verbose | Should -Not -BeLike "*$($sample.CustomerId)*"
    }

    It 'debug output shows the bodies sent and received, masked, when $DebugPreference is Continue' {
        # $DebugPreference rather than -Debug: Windows PowerShell 5.1's -Debug asks before every line.
        $DebugPreference = 'Continue'
        $debug = (Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Debug Me' -Email 'debug.me@example.com' -Mobile '0812345678' 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n"
        $debug | Should -Match 'request body: \{.*"debug\.me@example\.com"'
        $debug | Should -Match 'response body: \{'
        $debug | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'debug output follows $DebugPreference set in a <Caller>' -ForEach @(
        @{ Caller = 'script block' }
        @{ Caller = 'function' }
    ) {
        # The variable lives in a child scope the module's session state does not see; PowerShell's own
        # WriteDebug decision does, and so must the module's.
        function Get-DebugRecord {
            $DebugPreference = 'Continue'
            Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        }

        $records = @(if ($Caller -eq 'function') {
                Get-DebugRecord
            }
            else {
                & {
                    $DebugPreference = 'Continue'
                    Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
                }
            })

        $records.Count | Should -BeGreaterThan 0
        ($records | ForEach-Object { $_.Message }) -join "`n" | Should -Match 'response body: \{'
    }

    It '-Debug alone under pwsh -NonInteractive writes debug lines, with no prompt and no error' {
        # PowerShell gives a compiled cmdlet called with -Debug (and not -Verbose) a verbose preference of Inquire:
        # each verbose line would be a prompt, and an error where no one can answer.
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:manifest)'
`$key = ConvertTo-SecureString '$($script:emulator.ApiKey)' -AsPlainText -Force
`$connection = Connect-Mayar -ApiKey `$key -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0 -PassThru -Debug 5>&1 | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] }
`$out = Get-MayarCreditBalance -CustomerId '$($script:emulator.SampleCustomerId)' -ProductId '$($script:emulator.SampleProductId)' -Debug 5>&1
foreach (`$item in @(`$connection) + @(`$out)) {
    if (`$item -is [System.Management.Automation.DebugRecord]) { 'debug: ' + (`$item.Message -split "``n")[0] } else { 'object: ' + `$item.GetType().Name }
}
"@
        $result = Invoke-FreshPowerShell -Script $script
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Not -Match 'NonInteractive|Continue with this operation'
        $result.Output | Should -Contain 'object: CreditBalance'
        @($result.Output | Where-Object { $_ -like 'debug: Connected: *' }).Count | Should -Be 1
        @($result.Output | Where-Object { $_ -like 'debug: Using Mayar *' }).Count | Should -Be 1
        @($result.Output | Where-Object { $_ -match '^debug: GET /credit/v1/credit/customer/balance -> 200 \(\d+ ms\)$' }).Count | Should -Be 1
    }

    It '-Debug with -Verbose keeps the verbose lines on the verbose stream' {
        $records = @(Get-MayarCreditBalance @sample -Debug -Verbose 4>&1 5>&1 | Where-Object { $_ -isnot [Mayar.Credit.Client.CreditBalance] })
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' -> 200' }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'response body:' }).Count | Should -Be 1
    }

    It 'writes no debug output by default' {
        $DebugPreference = 'SilentlyContinue'
        @(Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }
}

Describe 'Pipeline chains' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'creates customer records from CSV rows, binding CSV headers through aliases' {
        $rows = @(
            [pscustomobject]@{ CustomerName = 'Alias One'; EmailAddress = 'alias.one@example.com'; PhoneNumber = '0812-111-222'; CountryCode = 'id' }
            [pscustomobject]@{ FullName = 'Alias Two'; CustomerEmail = 'alias.two@example.com'; Mobile = '0812 333 444'; custom_data = @{ tier = 'silver' } }
        )
        $customers = @($rows | New-MayarCustomer)
        $customers.Count | Should -Be 2
        $customers[0].Country | Should -Be 'ID'
        $customers[0].Phone | Should -Be '0812111222'
        $customers[1].CustomData['tier'] | Should -Be 'silver'
    }

    It 'reads balances from rows with snake_case headers' {
        $balance = [pscustomobject]@{ customer_id = $sample.CustomerId; product_id = $sample.ProductId } | Get-MayarCreditBalance
        $balance.Balance | Should -Be 30001
    }

    It 'carries on past failed rows, and the failures can be retried on their own' {
        $rows = @(
            [pscustomobject]@{ Name = 'First'; Email = 'first@example.com'; Mobile = '0812345601' }
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Third'; Email = 'third@example.com'; Mobile = '0812345603' }
        )
        $done = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorVariable failures -ErrorAction SilentlyContinue |
                Get-MayarCreditBalance)
        $done.Count | Should -Be 2
        $failures.Count | Should -Be 1

        # The failed row is the error's target: fix it and send just that one.
        $retry = $failures[0].TargetObject
        $retry.Email = 'bad.fixed@example.com'
        ($retry | Register-MayarCustomer -ProductId $script:emulator.ProductId).Email | Should -Be 'bad.fixed@example.com'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        $rows = @(
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Never'; Email = 'never@example.com'; Mobile = '0812345603' }
        )
        { $rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.InvalidArgument,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe '-ThrottleLimit' {
    # Reset-Emulator also puts the latency back to none.
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'registers rows with requests overlapping and writes the results in input order' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = 100; maxMs = 100 } | Out-Null
        $rows = 1..16 | ForEach-Object { [pscustomobject]@{ Name = "Throttle $_"; Email = "throttle.$_@example.com"; Mobile = '0812345678' } }
        # Overlap itself is measured by the xunit tests and the benchmark; here, order and completeness.
        $registered = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 8)
        $registered.Email | Should -Be $rows.Email
        @(Get-EmulatorRequest).Count | Should -Be 16
    }

    It 'keeps errors attached to their rows and in order' {
        $rows = @(
            [pscustomobject]@{ Name = 'One'; Email = 'one.t@example.com'; Mobile = '0812345601' }
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Three'; Email = 'three.t@example.com'; Mobile = '0812345603' }
        )
        $results = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Email | Should -Be @('one.t@example.com', 'three.t@example.com')
        $failures.Count | Should -Be 1
        $failures[0].TargetObject.Email | Should -Be 'bad@'
    }

    It 'still honours -WhatIf for every row' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Name = "WhatIf $_"; Email = "whatif.$_@example.com"; Mobile = '0812345678' } }
        $rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 4 -WhatIf | Should -BeNullOrEmpty
        $rows | New-MayarCustomer -ThrottleLimit 4 -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a limit outside 1 to 64 at binding' {
        { Get-MayarCreditBalance @sample -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-MayarCreditBalance @sample -ThrottleLimit 65 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'traces every request with -Verbose from the pipeline thread' {
        $queries = 1..6 | ForEach-Object { [pscustomobject]$sample }
        $output = @($queries | Get-MayarCreditBalance -ThrottleLimit 3 -Verbose 4>&1)
        @($output | Where-Object { $_ -is [Mayar.Credit.Client.CreditBalance] }).Count | Should -Be 6
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' -> 200 ' }).Count | Should -Be 6
    }
}
