# How a journalled batch stops in real PowerShell: Ctrl+C (.Stop() of a [powershell] instance) while a processed
# top-up's answer is held, for a while or for ever, and -ErrorAction Stop with -ThrottleLimit 8. Every test judges by
# the emulator's ledger (balances) and request log, and by the journal file, not by what the cmdlet wrote alone.

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # Each customer's sum of the journal's done rows, in the order of $Accounts.CustomerIds.
    function Get-JournalDoneSum {
        param($Accounts, $Events)
        $done = @($Events | Where-Object event -eq 'done').key
        @($Accounts.CustomerIds | ForEach-Object {
                $id = $_
                [decimal](($Events | Where-Object { $_.event -eq 'sent' -and $_.customerId -eq $id -and $_.key -in $done } | Measure-Object amount -Sum).Sum)
            })
    }

    # The key of the row whose add-credit request a process-hang fault held: sent to that account, in the journal.
    function Get-HeldKey {
        param($Events)
        $held = (Get-HeldRequest)[0].body | ConvertFrom-Json
        $sent = @($Events | Where-Object { $_.event -eq 'sent' -and $_.customerId -eq $held.customerId -and $_.amount -eq $held.amount })
        # One movement of an account runs at a time: the held one is the last sent of that account and amount.
        $sent[-1].key
    }

    # True when the file can be opened for exclusive use (no command holds it).
    function Test-JournalFree {
        param([string] $Path)
        try {
            [IO.File]::Open($Path, 'Open', 'ReadWrite', 'None').Dispose()
            $true
        }
        catch [IO.IOException] {
            $false
        }
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Ctrl+C of a journalled batch (-ThrottleLimit 8) while a processed top-up is held for 2 s' {
    BeforeAll {
        $script:accounts = Reset-TestAccount -Count 8
        $script:journal = New-TestJournalPath
        $rows = @(0..31 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$_ % 8]; ProductId = $script:accounts.ProductId; Amount = 10 + $_ } })
        Set-EmulatorLatency 150
        Add-EmulatorFault @{ path = $script:addPath; kind = 'delay'; count = 3 }
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; holdMs = 2000; count = 1 }
        $ps = Start-MovementInstance -Rows $rows -Journal $script:journal -ThrottleLimit 8
        try {
            Wait-Until { @(Get-HeldRequest).Count -eq 1 }
            $script:stopAt = [DateTimeOffset]::UtcNow
            $ps.Stop()
            $script:stopTook = ([DateTimeOffset]::UtcNow - $script:stopAt).TotalSeconds
            $script:freeAtStop = Test-JournalFree $script:journal
            $script:state = $ps.InvocationStateInfo.State
        }
        finally {
            $ps.Dispose()
        }

        $script:postsAtStop = @(Get-AddCreditRequest).Count
        Start-Sleep -Milliseconds 500
        Set-EmulatorLatency 0
        Wait-Until { Test-JournalFree $script:journal } -TimeoutSec 15
        $script:events = Read-Journal $script:journal
    }

    It 'stops the instance after the held answer came, well within the grace period' {
        $script:state | Should -Be 'Stopped'
        $script:stopTook | Should -BeGreaterThan 1
        $script:stopTook | Should -BeLessThan 8
    }

    It 'sends nothing after the stop' {
        @(Get-AddCreditRequest).Count | Should -Be $script:postsAtStop
        @(Get-AddCreditRequest | Where-Object { [DateTimeOffset]$_.time -gt $script:stopAt.AddMilliseconds(250) }).Count | Should -Be 0
        @($script:events | Where-Object event -eq 'sent').Count | Should -BeLessThan 32
    }

    It 'journals the held row as done, and every row it sent with an outcome' {
        $heldKey = Get-HeldKey $script:events
        ($script:events | Where-Object key -eq $heldKey | Select-Object -Last 1).event | Should -Be 'done'
        $sent = @($script:events | Where-Object event -eq 'sent').key
        @($sent | Where-Object { $_ -notin @($script:events | Where-Object event -ne 'sent').key }).Count | Should -Be 0
    }

    It 'moves in the ledger exactly the rows the journal records as done' {
        $balances = Get-TestBalance $script:accounts
        @($balances) | Should -Be @(Get-JournalDoneSum $script:accounts $script:events)
        ($balances | Measure-Object -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'has released the journal when the stopped command returns' {
        $script:freeAtStop | Should -BeTrue
    }
}

Describe 'Ctrl+C while a processed top-up gets no answer and the history is too slow to tell' {
    BeforeAll {
        $script:accounts = Reset-TestAccount -Count 4
        $script:journal = New-TestJournalPath
        $script:rows = @(0..7 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$_ % 4]; ProductId = $script:accounts.ProductId; Amount = 10 + $_ } })
        Set-EmulatorLatency 100
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; holdMs = 0; count = 1 }
        foreach ($id in $script:accounts.CustomerIds) {
            Add-EmulatorFault @{ path = '/credit/v1/credit/customer/paginate-credit-history/' + $id; kind = 'delay'; delayMs = 8000; count = 0 }
        }

        # -TimeoutSec 2: the grace period is min(10 s, the timeout).
        $ps = Start-MovementInstance -Rows $script:rows -Journal $script:journal -ThrottleLimit 8 -TimeoutSec 2
        try {
            Wait-Until { @(Get-HeldRequest).Count -eq 1 }
            $started = [DateTimeOffset]::UtcNow
            $ps.Stop()
            $script:stopTook = ([DateTimeOffset]::UtcNow - $started).TotalSeconds
        }
        finally {
            $ps.Dispose()
        }

        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'faults' | Out-Null
        Set-EmulatorLatency 0
        Wait-Until { Test-JournalFree $script:journal } -TimeoutSec 15
        $script:events = Read-Journal $script:journal
        $script:heldKey = Get-HeldKey $script:events
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $script:again = @($script:rows | Add-MayarCredit -JournalPath $script:journal -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $script:failed = @($failed)
    }

    It 'stops within the short grace period and journals the held row as unknown, with the command to check it' {
        $script:stopTook | Should -BeLessThan 6
        $last = $script:events | Where-Object key -eq $script:heldKey | Select-Object -Last 1
        $last.event | Should -Be 'unknown'
        $last.check | Should -BeLike 'Get-MayarCreditHistory -CustomerId *'
    }

    It 'gives Mayar.OutcomeUnknown (OperationStopped) for that row on a re-run, naming Get-MayarCreditHistory' {
        $script:failed.Count | Should -Be 1
        $script:failed[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.OutcomeUnknown,*'
        $script:failed[0].CategoryInfo.Category | Should -Be 'OperationStopped'
        $script:failed[0].Exception.Message | Should -BeLike '*Get-MayarCreditHistory*'
        $script:again.Count | Should -Be 7
        @($script:again.Reference) | Should -Not -Contain $script:heldKey
    }

    It 'sends on the re-run only the rows never sent, and the ledger holds every row exactly once' {
        $sentBefore = @($script:events | Where-Object event -eq 'sent').key
        $fresh = @($script:again | Where-Object { $_.Reference -notin $sentBefore })
        @($script:again | Where-Object FromJournal).Count | Should -Be (7 - $fresh.Count)
        $posted = @(Get-AddCreditRequest | ForEach-Object { $b = $_.body | ConvertFrom-Json; '{0}|{1}' -f $b.customerId, [decimal]$b.amount } | Sort-Object)
        $posted | Should -Be @($fresh | ForEach-Object { '{0}|{1}' -f $_.CustomerId, [decimal]$_.Amount } | Sort-Object)
        # The held row was processed before the stop, so every row has moved once: none twice.
        $expected = @($script:accounts.CustomerIds | ForEach-Object { $id = $_; [decimal](($script:rows | Where-Object CustomerId -eq $id | Measure-Object Amount -Sum).Sum) })
        Get-TestBalance $script:accounts | Should -Be $expected
    }
}

Describe 'Use-MayarCredit -ErrorAction Stop -ThrottleLimit 8 when the API refuses row 3' {
    It 'writes every row that moved, in input order, and sends nothing beyond the rows in flight' {
        $accounts = Reset-TestAccount -Count 16
        $accounts.CustomerIds | ForEach-Object { Add-MayarCredit -CustomerId $_ -ProductId $accounts.ProductId -Amount 100 } | Out-Null
        # Row 3 spends more than its customer has; the others spend 1 to 16.
        $rows = for ($i = 0; $i -lt 16; $i++) {
            [pscustomobject]@{ CustomerId = $accounts.CustomerIds[$i]; ProductId = $accounts.ProductId; Amount = $(if ($i -eq 2) { 500 } else { $i + 1 }) }
        }
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        Set-EmulatorLatency 200
        $run = Invoke-UntilError { $rows | Use-MayarCredit -ThrottleLimit 8 -ErrorAction Stop 3>$null }
        $out = $run.Output
        Start-Sleep -Milliseconds 500
        Set-EmulatorLatency 0
        $run.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.InsufficientCredit,*'
        $balances = Get-TestBalance $accounts
        $balances[2] | Should -Be 100
        $moved = @(for ($i = 0; $i -lt 16; $i++) { if ($balances[$i] -lt 100) { $accounts.CustomerIds[$i] } })
        @($out.CustomerId) | Should -Be $moved
        @($out | ForEach-Object { 100 - $_.Amount }) | Should -Be @($out | ForEach-Object { $balances[[array]::IndexOf($accounts.CustomerIds, $_.CustomerId)] })
        $moved.Count | Should -BeGreaterOrEqual 7
        # When row 3's refusal ends the command at most rows 3 to 10 are in the window: rows 11 to 16 are never sent.
        $spent = @(Get-EmulatorRequest | Where-Object path -eq $script:spendPath | ForEach-Object { ($_.body | ConvertFrom-Json).customerId })
        $spent.Count | Should -Be ($moved.Count + 1)
        @($spent | Where-Object { [array]::IndexOf($accounts.CustomerIds, $_) -ge 10 }).Count | Should -Be 0
    }
}
