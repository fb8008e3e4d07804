# Issue 14 in real PowerShell: a batch killed mid-write and re-run with its journal, Ctrl+C of a [powershell]
# instance, and -ErrorAction Stop with -ThrottleLimit 8. Every test judges by the emulator's ledger (balances) and
# request log, not by what the cmdlet wrote alone.

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'A batch of top-ups killed mid-write and re-run with its journal' {
    BeforeAll {
        Reset-Emulator
        Connect-Emulator
        $script:accounts = New-TestCustomer -Count 10
        $script:csv = Join-Path $TestDrive 'top-ups.csv'
        $script:journal = Join-Path $TestDrive 'top-ups.journal'
        0..49 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$_ % 10]; ProductId = $script:accounts.ProductId; Amount = 100 } } |
            Export-Csv -LiteralPath $script:csv -NoTypeInformation

        # The 20th top-up is processed, then its answer is held: the child is killed while it waits for it.
        Add-EmulatorFault @{ path = $script:addPath; kind = 'delay'; delayMs = 40; count = 19 }
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; count = 1 }
        $child = Join-Path $TestDrive 'batch.ps1'
        Set-Content -LiteralPath $child -Value @"
Import-Module '$script:manifest'
Connect-Mayar -ApiKey (ConvertTo-SecureString -String '$($script:emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0
Import-Csv -LiteralPath '$script:csv' | Add-MayarCredit -JournalPath '$script:journal' -ThrottleLimit 4 | Out-Null
"@
        $arguments = $script:powerShellArguments + @('-NoProfile', '-NonInteractive', '-File', $child)
        $process = Start-Process -FilePath $script:powerShellExecutable -ArgumentList $arguments -PassThru
        try {
            Wait-Until { @(Get-AddCreditRequest | Where-Object { $_.fault -like 'process-hang*' -and $_.processed }).Count -eq 1 } -TimeoutSec 60
            Start-Sleep -Milliseconds 300
        }
        finally {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            $process.WaitForExit(10000) | Out-Null
        }

        $script:beforeRerun = Read-Journal $script:journal
        $script:doneBefore = @($script:beforeRerun | Where-Object event -eq 'done').Count
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'faults' | Out-Null
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $script:results = @(Import-Csv -LiteralPath $script:csv | Add-MayarCredit -JournalPath $script:journal -ThrottleLimit 4)
        $script:rerunPosts = @(Get-AddCreditRequest).Count
    }

    It 'left the row in flight recorded as sent, with no outcome' {
        $sent = @($script:beforeRerun | Where-Object event -eq 'sent').key
        $ended = @($script:beforeRerun | Where-Object event -ne 'sent').key
        @($sent | Where-Object { $_ -notin $ended }).Count | Should -BeGreaterOrEqual 1
        $script:doneBefore | Should -BeGreaterOrEqual 19
    }

    It 'moves every row exactly once in the ledger' {
        Get-TestBalance $script:accounts | Should -Be (@(500) * 10)
    }

    It 'writes 50 results, those done before from the journal without a request' {
        $script:results.Count | Should -Be 50
        @($script:results | Where-Object FromJournal).Count | Should -Be $script:doneBefore
        $resumed = @($script:results | Where-Object { -not $_.FromJournal -and $_.Reconciled })
        $resumed.Count | Should -BeGreaterOrEqual 1
        $resumed[0].MatchedEntryId.Count | Should -Be 1
        $script:rerunPosts | Should -Be (50 - $script:doneBefore - $resumed.Count)
    }

    It 'writes the results in input order, each with its row key' {
        @($script:results.CustomerId) | Should -Be @(0..49 | ForEach-Object { $script:accounts.CustomerIds[$_ % 10] })
        @($script:results.Reference | Select-Object -Unique).Count | Should -Be 50
    }

    It 'sends nothing on a third run' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $third = @(Import-Csv -LiteralPath $script:csv | Add-MayarCredit -JournalPath $script:journal)
        @($third | Where-Object FromJournal).Count | Should -Be 50
        @(Get-AddCreditRequest).Count | Should -Be 0
    }
}

Describe 'Ctrl+C during a batch of top-ups' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
        $script:accounts = New-TestCustomer -Count 8
        $script:journal = Join-Path $TestDrive ("stop-{0}.journal" -f [guid]::NewGuid().ToString('N'))
        $script:rows = 0..23 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$_ % 8]; ProductId = $script:accounts.ProductId; Amount = 10 + $_ } }
    }

    It 'sends nothing more, and lets the movement in flight finish and be journalled' {
        Add-EmulatorFault @{ path = $script:addPath; kind = 'delay'; delayMs = 20; count = 2 }
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; holdMs = 2000; count = 1 }
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = 200; maxMs = 200 } | Out-Null
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Manifest, $BaseUrl, $Key, $Rows, $Journal)
                Import-Module $Manifest
                Connect-Mayar -ApiKey $Key -BaseUri $BaseUrl -RequestsPerMinute 0
                $Rows | Add-MayarCredit -ThrottleLimit 8 -JournalPath $Journal
            }).AddArgument($script:manifest).AddArgument($script:emulator.BaseUrl).AddArgument($script:key).AddArgument($script:rows).AddArgument($script:journal)
        $null = $ps.BeginInvoke()
        try {
            Wait-Until { @(Get-AddCreditRequest | Where-Object { $_.fault -like 'process-hang*' -and $_.processed }).Count -eq 1 }
            $held = Get-AddCreditRequest | Where-Object { $_.fault -like 'process-hang*' }
            $stoppedAt = [DateTimeOffset]::UtcNow
            $ps.Stop()
            $postsAtStop = @(Get-AddCreditRequest).Count
        }
        finally {
            $ps.Dispose()
        }

        Start-Sleep -Milliseconds 500
        @(Get-AddCreditRequest).Count | Should -Be $postsAtStop
        ([DateTimeOffset]::UtcNow - $stoppedAt).TotalSeconds | Should -BeLessThan 15
        $events = Read-Journal $script:journal
        $heldKey = ($events | Where-Object { $_.event -eq 'sent' -and $_.customerId -eq ($held.body | ConvertFrom-Json).customerId -and $_.amount -eq ($held.body | ConvertFrom-Json).amount }).key
        ($events | Where-Object key -eq $heldKey | Select-Object -Last 1).event | Should -Be 'done'
        # What the journal records as done is exactly what moved in the ledger, customer by customer.
        $doneKeys = @($events | Where-Object event -eq 'done').key
        $balances = Get-TestBalance $script:accounts
        $journalDone = foreach ($id in $script:accounts.CustomerIds) {
            [decimal](($events | Where-Object { $_.event -eq 'sent' -and $_.customerId -eq $id -and $_.key -in $doneKeys } | Measure-Object amount -Sum).Sum)
        }
        @($balances) | Should -Be @($journalDone)
        @($balances | Measure-Object -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'records a movement it cannot prove either way as unknown, and a re-run does not send it' {
        # The answer never comes and the history cannot be read: nothing can prove it either way.
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; count = 1 }
        Add-EmulatorFault @{ path = '/credit/v1/credit/customer/paginate-credit-history/' + $script:accounts.CustomerIds[0]; status = 503; count = 0 }
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Manifest, $BaseUrl, $Key, $Rows, $Journal)
                Import-Module $Manifest
                Connect-Mayar -ApiKey $Key -BaseUri $BaseUrl -RequestsPerMinute 0 -TimeoutSec 2 -MaxRetries 0
                $Rows | Add-MayarCredit -JournalPath $Journal
            }).AddArgument($script:manifest).AddArgument($script:emulator.BaseUrl).AddArgument($script:key).AddArgument($script:rows[0..1]).AddArgument($script:journal)
        $null = $ps.BeginInvoke()
        try {
            Wait-Until { @(Get-AddCreditRequest | Where-Object { $_.fault -like 'process-hang*' -and $_.processed }).Count -eq 1 }
            $ps.Stop()
        }
        finally {
            $ps.Dispose()
        }

        @(Read-Journal $script:journal | Where-Object event -eq 'unknown').Count | Should -Be 1
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'faults' | Out-Null
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $again = @($script:rows[0..1] | Add-MayarCredit -JournalPath $script:journal -ErrorVariable failed -ErrorAction SilentlyContinue)
        # Row 1 was never sent (the stop came first): it is sent now. Row 0 is not.
        $again.Count | Should -Be 1
        $again[0].CustomerId | Should -Be $script:accounts.CustomerIds[1]
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.OutcomeUnknown,*'
        $failed[0].CategoryInfo.Category | Should -Be 'OperationStopped'
        $failed[0].Exception.Message | Should -BeLike ('*Get-MayarCreditHistory -CustomerId ' + $script:accounts.CustomerIds[0] + '*')
        @(Get-AddCreditRequest | Where-Object { ($_.body | ConvertFrom-Json).customerId -eq $script:accounts.CustomerIds[0] }).Count | Should -Be 0
        Get-TestBalance $script:accounts | Select-Object -First 2 | Should -Be @(10, 11)
    }
}

Describe '-ErrorAction Stop with -ThrottleLimit 8' {
    It 'writes every movement that finished, in input order, before the error ends the pipeline' {
        Reset-Emulator
        Connect-Emulator
        $accounts = New-TestCustomer -Count 8
        $rows = for ($i = 0; $i -lt 8; $i++) {
            $customer = if ($i -eq 2) { [guid]::NewGuid().ToString() } else { $accounts.CustomerIds[$i] }
            [pscustomobject]@{ CustomerId = $customer; ProductId = $accounts.ProductId; Amount = 10 + $i }
        }
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = 300; maxMs = 300 } | Out-Null
        $run = Invoke-UntilError { $rows | Add-MayarCredit -ThrottleLimit 8 -ErrorAction Stop 3>$null }
        $out = $run.Output
        $thrown = $run.Error

        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = 0; maxMs = 0 } | Out-Null
        $thrown.FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
        $balances = Get-TestBalance $accounts
        $moved = for ($i = 0; $i -lt 8; $i++) { if ($balances[$i] -gt 0) { $accounts.CustomerIds[$i] } }
        @($out.CustomerId) | Should -Be @($moved)
        @($out.Amount) | Should -Be @($out.Amount | Sort-Object)
        @($moved).Count | Should -BeGreaterThan 2
    }
}
