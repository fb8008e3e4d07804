# Batches an ops engineer can watch and trust (issue 15): progress, a wrong key that stops at once, errors that
# name their row, empty CSV cells, and many ids at once. Progress is read from a [powershell] instance's
# Streams.Progress, the requests from the emulator's log.
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', '', Justification = 'Pester blocks share variables across scopes.')]
param()

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # Runs $Script in a fresh [powershell] of this process, connected to the emulator at $RequestsPerMinute, and
    # returns its output, errors, warnings and progress records.
    function Invoke-InInstance {
        param([scriptblock] $Script, [hashtable] $Arguments = @{}, [int] $RequestsPerMinute = 0, [string] $ProgressPreference = 'Continue')
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Key, $BaseUri, $Pace, $Preference)
                    Import-Module $Manifest
                    Connect-Mayar -ApiKey $Key -BaseUri $BaseUri -RequestsPerMinute $Pace
                    $global:ProgressPreference = $Preference
                }).AddParameters(@{ Manifest = $script:manifest; Key = $script:key; BaseUri = $script:emulator.BaseUrl; Pace = $RequestsPerMinute; Preference = $ProgressPreference })
            $null = $ps.AddStatement().AddScript($Script).AddParameters($Arguments)
            $output = @($ps.Invoke())
            [pscustomobject]@{
                Output   = $output
                Errors   = @($ps.Streams.Error)
                Warnings = @($ps.Streams.Warning)
                Debug    = @($ps.Streams.Debug)
                Progress = @($ps.Streams.Progress)
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    # The status separates its parts with a middle dot, written \u00B7 in the patterns below.
    function New-Row {
        [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Only makes up a row object; changes nothing.')]
        param([int] $Index, [string] $Product)
        [pscustomobject]@{ ProductId = $Product; Name = "Row $Index"; Email = ('row{0}.{1}@example.com' -f $Index, [guid]::NewGuid().ToString('N').Substring(0, 8)); Mobile = '08123456789' }
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Progress' {
    BeforeEach {
        $accounts = Reset-TestAccount -Count 3
    }

    It 'a batch writes one activity of its own, counts rows done and failed, shows no percentage, and ends Completed' {
        Set-EmulatorLatency -Ms 300
        $rows = @(1..4 | ForEach-Object { New-Row -Index $_ -Product $accounts.ProductId })
        $rows += [pscustomobject]@{ ProductId = $accounts.ProductId; Name = 'Bad'; Email = 'not-an-email'; Mobile = '08123456789' }
        $run = Invoke-InInstance -Script { param($Rows) $Rows | Register-MayarCustomer -ErrorAction SilentlyContinue } -Arguments @{ Rows = $rows }

        @($run.Output).Count | Should -Be 4
        $records = $run.Progress
        $records.Count | Should -BeGreaterThan 1
        @($records.ActivityId | Select-Object -Unique).Count | Should -Be 1
        $records[0].ActivityId | Should -BeGreaterThan 100
        @($records.Activity | Select-Object -Unique) | Should -Be 'Register-MayarCustomer'
        $records | ForEach-Object { $_.PercentComplete | Should -Be -1; $_.SecondsRemaining | Should -Be -1 }
        $records | Where-Object RecordType -EQ 'Processing' | ForEach-Object { $_.StatusDescription | Should -Match '^\d+ done \u00B7 \d+ failed' }
        @($records | Where-Object RecordType -EQ 'Completed').Count | Should -Be 1
        $records[-1].RecordType | Should -Be 'Completed'
        $records[-1].StatusDescription | Should -Match '^4 done \u00B7 1 failed'
        @($records.CurrentOperation | Where-Object { $_ -like 'row1.*(row 1)' }).Count | Should -BeGreaterThan 0
    }

    It 'two commands get two activities' {
        # Progress appears once a command has run a quarter second; 300 ms a request makes each command longer.
        Set-EmulatorLatency -Ms 300
        $run = Invoke-InInstance -Script {
            param($Ids, $Product)
            Get-MayarCreditBalance -CustomerId $Ids -ProductId $Product
            Get-MayarCreditBalance -CustomerId $Ids -ProductId $Product
        } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }

        @($run.Output).Count | Should -Be 6
        @($run.Progress.ActivityId | Select-Object -Unique).Count | Should -Be 2
        @($run.Progress | Where-Object RecordType -EQ 'Completed').Count | Should -Be 2
    }

    It 'a command that ends within a quarter second writes no progress' {
        $run = Invoke-InInstance -Script {
            param($Id, $Product)
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            Get-MayarCreditBalance -CustomerId $Id -ProductId $Product
            $clock.Elapsed.TotalMilliseconds
        } -Arguments @{ Id = $accounts.CustomerIds[0]; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 2
        if ($run.Output[1] -ge 200) {
            # A machine too loaded for the read to end well within the quarter second proves nothing either way.
            Set-ItResult -Inconclusive -Because "the read took $([int]$run.Output[1]) ms"
            return
        }

        $run.Progress.Count | Should -Be 0
    }

    It 'nothing is written under $ProgressPreference = SilentlyContinue' {
        Set-EmulatorLatency -Ms 300
        $run = Invoke-InInstance -ProgressPreference SilentlyContinue -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 3
        $run.Progress.Count | Should -Be 0
    }

    It 'nothing is written with -ProgressAction SilentlyContinue' -Skip:($PSVersionTable.PSVersion -lt [version]'7.4') {
        Set-EmulatorLatency -Ms 300
        $run = Invoke-InInstance -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product -ProgressAction SilentlyContinue } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 3
        $run.Progress.Count | Should -Be 0
    }

    It 'a paced connection says when the next request may leave' {
        # 30 a minute: 2 s apart, so the wait for each row's turn is shown while the pipeline waits.
        $run = Invoke-InInstance -RequestsPerMinute 30 -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 3
        @($run.Progress.StatusDescription | Where-Object { $_ -match '\u00B7 next request in [12] s$' }).Count | Should -BeGreaterThan 0
        $run.Progress[-1].StatusDescription | Should -Match '^3 done \u00B7 0 failed'
    }

    It 'a Retry-After over 5 s is one warning and shows in the status' {
        Add-EmulatorFault @{ status = 429; retryAfter = '6'; count = 1 }
        $run = Invoke-InInstance -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 3
        @($run.Warnings).Count | Should -Be 1
        $run.Warnings[0].Message | Should -Match 'Retry-After 6 s'
        @($run.Progress.StatusDescription | Where-Object { $_ -match 'next request in [4-6] s \(the server asked to wait\)' }).Count | Should -BeGreaterThan 0
    }

    It 'a command ended by -ErrorAction Stop still completes its activity' {
        # Progress appears once a command has run a quarter second; 300 ms a request makes each command longer.
        Set-EmulatorLatency -Ms 300
        $run = Invoke-InInstance -Script {
            param($Ids, $Product)
            try { $Ids | Get-MayarCreditBalance -ProductId $Product -ErrorAction Stop } catch { 'stopped' }
        } -Arguments @{ Ids = @($accounts.CustomerIds[0], 'nope', $accounts.CustomerIds[1]); Product = $accounts.ProductId }

        $run.Output[-1] | Should -Be 'stopped'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        $run.Progress[-1].StatusDescription | Should -Match '^1 done \u00B7 1 failed'
    }

    It 'under -Debug that warning is a debug line, so the batch neither asks nor stops' {
        Add-EmulatorFault @{ status = 429; retryAfter = '6'; count = 1 }
        $run = Invoke-InInstance -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product -Debug } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Errors).Count | Should -Be 0
        @($run.Output).Count | Should -Be 3
        @($run.Warnings).Count | Should -Be 0
        @($run.Debug.Message | Where-Object { $_ -like 'WARNING: Waiting*Retry-After 6 s*' }).Count | Should -Be 1
    }

    It 'the final status names no next request' {
        $run = Invoke-InInstance -RequestsPerMinute 30 -Script { param($Ids, $Product) $Ids | Get-MayarCreditBalance -ProductId $Product } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        $run.Progress[-1].StatusDescription | Should -Not -Match 'next request'
    }

    It 'a refused id with -ErrorAction Stop on a list still completes its activity' {
        # Progress appears once a command has run a quarter second; 300 ms a request makes each command longer.
        Set-EmulatorLatency -Ms 300
        $run = Invoke-InInstance -Script {
            param($Ids, $Product)
            try { Get-MayarCreditHistory -CustomerId $Ids -ProductId $Product -ErrorAction Stop } catch { 'stopped' }
        } -Arguments @{ Ids = @($accounts.CustomerIds[0], ''); Product = $accounts.ProductId }
        $run.Output[-1] | Should -Be 'stopped'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        $run.Progress[-1].StatusDescription | Should -Match '^1 page \u00B7 0 entries \u00B7 1 failed$'
    }

    It 'a list counts pages and entries' {
        # Progress appears once a command has run a quarter second; 300 ms a request makes each command longer.
        Set-EmulatorLatency -Ms 300
        $accounts.CustomerIds | ForEach-Object { Add-MayarCredit -CustomerId $_ -ProductId $accounts.ProductId -Amount 10 } | Out-Null
        $run = Invoke-InInstance -Script { param($Ids, $Product) $Ids | Get-MayarCreditHistory -ProductId $Product } -Arguments @{ Ids = $accounts.CustomerIds; Product = $accounts.ProductId }
        @($run.Output).Count | Should -Be 3
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        $run.Progress[-1].StatusDescription | Should -Match '^3 pages \u00B7 3 entries$'
    }
}

Describe 'A wrong key stops the batch' {
    It 'a 30-row batch with a wrong key makes exactly one request and one error' {
        $accounts = Reset-TestAccount -Count 1
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0
        Reset-Emulator
        $rows = @(1..30 | ForEach-Object { New-Row -Index $_ -Product $accounts.ProductId })
        $Error.Clear()
        $run = Invoke-UntilError { $rows | Register-MayarCustomer -ErrorAction Continue }

        $run.Output | Should -BeNullOrEmpty
        $run.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.Unauthorized,*'
        $run.Error.CategoryInfo.Category.ToString() | Should -Be 'AuthenticationError'
        @(Get-EmulatorRequest | Where-Object { $_.path -notlike '/_emulator/*' }).Count | Should -Be 1
        $Error.Count | Should -Be 1
    }
}

Describe 'Errors name their row' {
    BeforeEach {
        $accounts = Reset-TestAccount -Count 1
    }

    It 'a duplicate row''s error begins with its email and its row number; TargetObject stays the input' {
        $rows = @(1..3 | ForEach-Object { New-Row -Index $_ -Product $accounts.ProductId })
        $rows[1] | Register-MayarCustomer | Out-Null
        $rows | Register-MayarCustomer -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null

        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.Conflict,*'
        $failures[0].ToString() | Should -BeLike "$($rows[1].Email) (row 2): Already exists*"
        $failures[0].TargetObject.Email | Should -Be $rows[1].Email
    }

    It 'an empty <Column> cell of a CSV row is Mayar.InvalidArgument naming -<Column> and the row' -ForEach @(
        @{ Column = 'Email' }
        @{ Column = 'Name' }
        @{ Column = 'Mobile' }
        @{ Column = 'ProductId' }
    ) {
        $good = New-Row -Index 1 -Product $accounts.ProductId
        $bad = New-Row -Index 2 -Product $accounts.ProductId
        $bad.$Column = ''
        $csv = @($good, $bad) | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $out = @($csv | Register-MayarCustomer -ErrorAction SilentlyContinue -ErrorVariable failures)

        $out.Count | Should -Be 1
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        $failures[0].ToString() | Should -Match "\(row 2\): -$Column |^Row 2: -$Column "
    }

    It 'an empty customer id of a credit row is Mayar.InvalidArgument and nothing is sent for it' {
        $csv = "CustomerId,ProductId,Amount`n,$($accounts.ProductId),10`n$($accounts.CustomerIds[0]),$($accounts.ProductId)," | ConvertFrom-Csv
        Reset-Emulator
        Connect-Emulator
        $null = $csv | Add-MayarCredit -ErrorAction SilentlyContinue -ErrorVariable failures

        @($failures).Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*' }
        $failures[0].ToString() | Should -BeLike 'Row 1: -CustomerId *'
        $failures[1].ToString() | Should -BeLike "$($accounts.CustomerIds[0]) (row 2): -Amount *"
        @(Get-AddCreditRequest).Count | Should -Be 0
    }
}

Describe 'Many ids at once' {
    BeforeAll {
        $accounts = Reset-TestAccount -Count 3
        $emails = @(Get-MayarCustomer | Where-Object CustomerId -In $accounts.CustomerIds | Sort-Object { $accounts.CustomerIds.IndexOf($_.CustomerId) }).Email
    }

    It 'Get-MayarCreditBalance -CustomerId takes an array, in order' {
        $balances = @(Get-MayarCreditBalance -CustomerId $accounts.CustomerIds[2], $accounts.CustomerIds[0] -ProductId $accounts.ProductId)
        $balances.CustomerId | Should -Be @($accounts.CustomerIds[2], $accounts.CustomerIds[0])
    }

    It 'plain ids from the pipeline bind to -CustomerId of Get-MayarCreditBalance and Get-MayarCreditHistory' {
        @($accounts.CustomerIds | Get-MayarCreditBalance -ProductId $accounts.ProductId).CustomerId | Should -Be $accounts.CustomerIds
        $accounts.CustomerIds | ForEach-Object { Add-MayarCredit -CustomerId $_ -ProductId $accounts.ProductId -Amount 5 } | Out-Null
        @($accounts.CustomerIds | Get-MayarCreditHistory -ProductId $accounts.ProductId).Count | Should -Be 3
        @(Get-MayarCreditHistory -CustomerId $accounts.CustomerIds -ProductId $accounts.ProductId -First 1).Count | Should -Be 3
    }

    It 'objects still bind by property name' {
        $rows = $accounts.CustomerIds | ForEach-Object { [pscustomobject]@{ customer_id = $_; product_id = $accounts.ProductId } }
        @($rows | Get-MayarCreditBalance).CustomerId | Should -Be $accounts.CustomerIds
    }

    It 'Get-MayarCustomer -Email takes an array and plain strings from the pipeline' {
        @(Get-MayarCustomer -Email $emails[1], $emails[0]).Email | Should -Be @($emails[1], $emails[0])
        @($emails | Get-MayarCustomer).CustomerId | Should -Be $accounts.CustomerIds
    }

    It 'one bad id is an error naming it; the other ids still run' {
        $balances = @(Get-MayarCreditBalance -CustomerId 'nope', $accounts.CustomerIds[0] -ProductId $accounts.ProductId -ErrorAction SilentlyContinue -ErrorVariable failures)
        $balances.CustomerId | Should -Be $accounts.CustomerIds[0]
        @($failures).Count | Should -Be 1
        $failures[0].ToString() | Should -BeLike 'nope (row 1): -CustomerId must be a UUID*'
    }
}
