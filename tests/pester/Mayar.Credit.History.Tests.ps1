# Reading a credit history (Pester 5): Get-MayarCreditHistory, its filters, pages and tolerant reading.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Get-MayarCreditHistory' {
    BeforeAll {
        $script:historyPath = '/credit/v1/credit/customer/paginate-credit-history/'

        # A registered customer with trial credit and $TopUps credits of 1, 2, 3, ... in its MAIN wallet.
        function New-CustomerWithHistory {
            [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper filling the test emulator; nothing to confirm.')]
            param([int] $TopUps)
            $customer = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'History Person' -Email "history.$([guid]::NewGuid().ToString('N'))@example.com" -Mobile '081234567890' -TrialCredit 100
            for ($i = 1; $i -le $TopUps; $i++) {
                Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'credit' -Body @{ customerId = $customer.CustomerId; productId = $customer.ProductId; amount = $i; wallet = 'MAIN' } | Out-Null
            }

            Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
            $customer
        }

        function Get-HistoryRequest {
            # The comma keeps an empty or one-element list an array when it is returned.
            , @(Get-EmulatorRequest | Where-Object { $_.path.StartsWith($script:historyPath) })
        }
    }

    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'streams the entries of a registered customer piped in, newest first, with signed amounts' {
        $customer = New-CustomerWithHistory -TopUps 2
        $entries = @($customer | Get-MayarCreditHistory)
        $entries.Count | Should -Be 3
        $entries[0] | Should -BeOfType ([Mayar.Credit.Client.CreditHistoryEntry])
        $entries.Type | Should -Be @('TOPUP', 'TOPUP', 'TRIAL_TOPUP')
        $entries.Amount | Should -Be @(2, 1, 100)
        ($entries | Measure-Object -Property Amount -Sum).Sum | Should -Be ($customer | Get-MayarCreditBalance).Balance
    }

    It '-First 3 makes one request for three entries' {
        $customer = New-CustomerWithHistory -TopUps 8
        $entries = @(Get-MayarCreditHistory -CustomerId $customer.CustomerId -ProductId $customer.ProductId -First 3)
        $entries.Count | Should -Be 3
        $requests = Get-HistoryRequest
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Match '[?&]limit=3(&|$)'
    }

    It 'asks for the next page only when the pipeline wants more, one -Verbose line per page' {
        $customer = New-CustomerWithHistory -TopUps 60
        @(Get-MayarCreditHistory -CustomerId $customer.CustomerId -ProductId $customer.ProductId | Select-Object -First 2).Count | Should -Be 2
        (Get-HistoryRequest).Count | Should -Be 1

        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $out = @(Get-MayarCreditHistory -CustomerId $customer.CustomerId -ProductId $customer.ProductId -Verbose 4>&1)
        @($out | Where-Object { $_ -is [Mayar.Credit.Client.CreditHistoryEntry] }).Count | Should -Be 61
        $pages = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET .*paginate-credit-history/.* -> 200' })
        $pages.Count | Should -Be 2
        (Get-HistoryRequest).Count | Should -Be 2
    }

    It 'honours -Skip and -IncludeTotalCount' {
        $customer = New-CustomerWithHistory -TopUps 4
        $out = @(Get-MayarCreditHistory -CustomerId $customer.CustomerId -ProductId $customer.ProductId -Skip 1 -First 2 -IncludeTotalCount)
        $out.Count | Should -Be 3
        "$($out[0])" | Should -Match '5'
        $out[1].Amount | Should -Be 3
        $out[2].Amount | Should -Be 2
    }

    It 'filters by type and wallet, and orders oldest first with -Ascending' {
        $customer = New-CustomerWithHistory -TopUps 2
        @(Get-MayarCreditHistory $customer.CustomerId $customer.ProductId -Type TRIAL_TOPUP).Amount | Should -Be @(100)
        @(Get-MayarCreditHistory $customer.CustomerId $customer.ProductId -WalletType MAIN -Ascending).Amount | Should -Be @(1, 2)
    }

    It 'completes -Type and -WalletType with the documented values' {
        $line = 'Get-MayarCreditHistory -WalletType '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('ADD_ON', 'MAIN', 'MEMBERSHIP')
        $line = 'Get-MayarCreditHistory -Type MERCH'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('MERCHANT_TOPUP')
    }

    It 'writes Mayar.NotFound for an unknown customer and goes on with the next input' {
        $customer = New-CustomerWithHistory -TopUps 1
        $rows = @(
            [pscustomobject]@{ CustomerId = [guid]::NewGuid().ToString(); ProductId = $customer.ProductId }
            [pscustomobject]@{ CustomerId = $customer.CustomerId; ProductId = $customer.ProductId }
        )
        $entries = @($rows | Get-MayarCreditHistory -ErrorVariable failures -ErrorAction SilentlyContinue)
        $entries.Count | Should -Be 2
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound*'
        $failures[0].TargetObject.CustomerId | Should -Be $rows[0].CustomerId
    }

    It 'stops during a page when the pipeline is stopped (Ctrl+C), writing no error' {
        $customer = New-CustomerWithHistory -TopUps 1
        Add-EmulatorFault @{ kind = 'hang'; method = 'GET'; path = $script:historyPath + $customer.CustomerId; count = 0 }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $BaseUrl, $ApiKey, $CustomerId, $ProductId)
                    Import-Module $Manifest
                    $key = [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword
                    Connect-Mayar -ApiKey $key -BaseUri $BaseUrl -RequestsPerMinute 0 -TimeoutSec 60
                    Get-MayarCreditHistory -CustomerId $CustomerId -ProductId $ProductId
                }).AddArgument($script:manifest).AddArgument($script:emulator.BaseUrl).AddArgument($script:emulator.ApiKey).AddArgument($customer.CustomerId).AddArgument($customer.ProductId)
            $running = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-HistoryRequest).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }

            (Get-HistoryRequest).Count | Should -Be 1 -Because 'the page request is hanging in the emulator'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $running.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'refuses an end before the start, naming the parameter, and sends nothing' {
        $customer = New-CustomerWithHistory -TopUps 1
        Get-MayarCreditHistory $customer.CustomerId $customer.ProductId -Since (Get-Date) -Until (Get-Date).AddDays(-1) -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument*'
        $refused[0].Exception.Message | Should -Match '^-Since '
        (Get-HistoryRequest).Count | Should -Be 0
    }
}
