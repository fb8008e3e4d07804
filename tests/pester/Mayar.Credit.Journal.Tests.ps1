# -JournalPath in real PowerShell: a 50-row CSV batch whose process is killed while a processed top-up's answer is
# held, re-run with its journal; the journal's lock; an input changed under a -Reference; a re-run after a complete
# run. Every test judges by the emulator's ledger (balances) and request log, not by what the cmdlet wrote alone.
# Ctrl+C and -ErrorAction Stop are in Mayar.Credit.Journal.Stop.Tests.ps1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # "customerId|amount" of each add-credit request, sorted: the request log as a multiset of movements.
    function Get-SentMovement {
        @(Get-AddCreditRequest | ForEach-Object { $body = $_.body | ConvertFrom-Json; '{0}|{1}' -f $body.customerId, [decimal]$body.amount } | Sort-Object)
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'A 50-row CSV batch killed while a processed top-up is held, re-run with its journal' {
    BeforeAll {
        # Customer 0 has ten rows of the same amount (told apart only by their place); nine others two to five rows each.
        $script:accounts = Reset-TestAccount -Count 10
        $script:rows = @(0..49 | ForEach-Object {
                if ($_ % 5 -eq 0) { $customer = 0; $amount = 100 } else { $customer = 1 + $_ % 9; $amount = 10 + $_ }
                [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$customer]; ProductId = $script:accounts.ProductId; Amount = $amount }
            })
        $script:expected = @($script:accounts.CustomerIds | ForEach-Object { $id = $_; [decimal](($script:rows | Where-Object CustomerId -eq $id | Measure-Object Amount -Sum).Sum) })
        $csv = Join-Path $TestDrive 'rows.csv'
        $script:journal = Join-Path $TestDrive 'j.jsonl'
        $script:rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $child = Join-Path $TestDrive 'batch.ps1'
        Set-Content -LiteralPath $child -Value @"
Import-Module '$script:manifest'
Connect-Mayar -ApiKey (ConvertTo-SecureString -String '$($script:emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0
Import-Csv -LiteralPath '$csv' | Add-MayarCredit -JournalPath '$script:journal' -ThrottleLimit 4 | Out-Null
"@
        # Slow enough that the hang can be added once ~20 top-ups have arrived; it holds the next one's answer for ever.
        Set-EmulatorLatency 60
        $arguments = $script:powerShellArguments + @('-NoProfile', '-NonInteractive', '-File', $child)
        $process = Start-Process -FilePath $script:powerShellExecutable -ArgumentList $arguments -PassThru
        try {
            Wait-Until { @(Get-AddCreditRequest).Count -ge 20 } -TimeoutSec 60
            Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; holdMs = 0; count = 1 }
            Wait-Until { @(Get-HeldRequest).Count -eq 1 }
            $script:held = (Get-HeldRequest)[0].body | ConvertFrom-Json
            Start-Sleep -Milliseconds 300
        }
        finally {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            $process.WaitForExit(10000) | Out-Null
        }

        $script:sentBefore = @(Get-AddCreditRequest).Count
        $script:before = Read-Journal $script:journal
        $doneKeys = @($script:before | Where-Object event -eq 'done').key
        $script:doneBefore = @($script:before | Where-Object { $_.event -eq 'sent' -and $_.key -in $doneKeys })
        $ended = @($script:before | Where-Object event -ne 'sent').key
        # The held row: sent, no outcome, and the held request's movement (one movement of an account runs at a time).
        $script:heldKey = @($script:before | Where-Object { $_.event -eq 'sent' -and $_.key -notin $ended -and $_.customerId -eq $script:held.customerId -and $_.amount -eq $script:held.amount }).key
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'faults' | Out-Null
        Set-EmulatorLatency 0
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $script:results = @(Import-Csv -LiteralPath $csv | Add-MayarCredit -JournalPath $script:journal -ThrottleLimit 4)
        $script:rerunSent = Get-SentMovement
    }

    It 'was killed mid-batch, with the held row journalled as sent and no outcome' {
        $script:sentBefore | Should -BeLessThan 50
        $script:doneBefore.Count | Should -BeGreaterOrEqual 15
        @($script:heldKey).Count | Should -Be 1
    }

    It 'moves every row exactly once in the ledger, customer by customer' {
        Get-TestBalance $script:accounts | Should -Be $script:expected
    }

    It 'writes 50 results in input order, each row under its own key' {
        $script:results.Count | Should -Be 50
        @($script:results | ForEach-Object { '{0}|{1}' -f $_.CustomerId, $_.Amount }) | Should -Be @($script:rows | ForEach-Object { '{0}|{1}' -f $_.CustomerId, $_.Amount })
        @($script:results.Reference | Select-Object -Unique).Count | Should -Be 50
    }

    It 'writes the rows done before from the journal, and sends nothing for them' {
        $fromJournal = @($script:results | Where-Object FromJournal)
        @($fromJournal.Reference | Sort-Object) | Should -Be @($script:doneBefore.key | Sort-Object)
        # What the re-run sent is exactly the rows neither done before nor found in the history.
        $toSend = @($script:results | Where-Object { -not $_.FromJournal -and -not $_.Reconciled } | ForEach-Object { '{0}|{1}' -f $_.CustomerId, [decimal]$_.Amount } | Sort-Object)
        $script:rerunSent | Should -Be $toSend
        $script:rerunSent.Count | Should -BeLessThan (50 - $script:doneBefore.Count)
    }

    It 'finds the held row in the credit history instead of sending it again' {
        $heldResult = @($script:results | Where-Object Reference -eq $script:heldKey)
        $heldResult.Count | Should -Be 1
        $heldResult[0].Reconciled | Should -BeTrue
        $heldResult[0].FromJournal | Should -BeFalse
        @($heldResult[0].MatchedEntryId).Count | Should -Be 1
    }

    It 'ends with every key done in the journal' {
        $after = Read-Journal $script:journal
        $last = $after | Group-Object key | ForEach-Object { $_.Group[-1].event }
        @($last).Count | Should -Be 50
        @($last | Where-Object { $_ -ne 'done' }).Count | Should -Be 0
    }
}

Describe 'The journal file' {
    BeforeEach {
        $script:accounts = Reset-TestAccount -Count 3
        $script:journal = New-TestJournalPath
        $script:rows = @(0..2 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[$_]; ProductId = $script:accounts.ProductId; Amount = 10 * ($_ + 1); Reference = "r$_" } })
    }

    It 'is refused to a second command while a running one holds it, before anything is sent' {
        Add-EmulatorFault @{ path = $script:addPath; kind = 'process-hang'; holdMs = 3000; count = 1 }
        $ps = Start-MovementInstance -Rows $script:rows -Journal $script:journal
        try {
            Wait-Until { @(Get-HeldRequest).Count -eq 1 }
            { $script:rows | Add-MayarCredit -JournalPath $script:journal } | Should -Throw -ErrorId 'Mayar.Journal,*'
            @(Get-AddCreditRequest).Count | Should -Be 1
            Wait-Until { $ps.InvocationStateInfo.State -eq 'Completed' } -TimeoutSec 20
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
        }

        Get-TestBalance $script:accounts | Should -Be @(10, 20, 30)
    }

    It 'stops with Mayar.Journal before sending a row whose amount changed under the same -Reference' {
        $script:rows[0..1] | Add-MayarCredit -JournalPath $script:journal | Out-Null
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $changed = @($script:rows[0], [pscustomobject]@{ CustomerId = $script:accounts.CustomerIds[1]; ProductId = $script:accounts.ProductId; Amount = 25; Reference = 'r1' }, $script:rows[2])
        $run = Invoke-UntilError { $changed | Add-MayarCredit -JournalPath $script:journal 3>$null }
        $run.Error.FullyQualifiedErrorId | Should -BeLike 'Mayar.Journal,*'
        $run.Error.Exception.Message | Should -BeLike '*changed*'
        @(Get-AddCreditRequest).Count | Should -Be 0
        Get-TestBalance $script:accounts | Should -Be @(10, 20, 0)
        @($run.Output.Reference) | Should -Be @('r0')
        $run.Output[0].FromJournal | Should -BeTrue
    }

    It 'sends nothing on a re-run after a complete run of Use-MayarCredit, and writes each row from the journal' {
        $script:accounts.CustomerIds | ForEach-Object { Add-MayarCredit -CustomerId $_ -ProductId $script:accounts.ProductId -Amount 100 } | Out-Null
        $first = @($script:rows | Use-MayarCredit -JournalPath $script:journal -ThrottleLimit 3)
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $again = @($script:rows | Use-MayarCredit -JournalPath $script:journal -ThrottleLimit 3)
        @(Get-EmulatorRequest | Where-Object { $_.path -eq $script:spendPath -or $_.path -eq $script:addPath }).Count | Should -Be 0
        Get-TestBalance $script:accounts | Should -Be @(90, 80, 70)
        $first.Count | Should -Be 3
        @($first | Where-Object FromJournal).Count | Should -Be 0
        @($again | Where-Object FromJournal).Count | Should -Be 3
        @($again.Reference) | Should -Be @('r0', 'r1', 'r2')
        @($again.Amount) | Should -Be @(10, 20, 30)
    }
}
