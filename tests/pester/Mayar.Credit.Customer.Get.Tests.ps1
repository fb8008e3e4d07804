# Reading customers (Pester 5): Get-MayarCustomer by id, by email and as cursor pages.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Get-MayarCustomer' {
    BeforeAll {
        function Get-CustomerRequest {
            # The comma keeps an empty or one-element list an array when it is returned.
            , @(Get-EmulatorRequest | Where-Object { $_.path -like '/hl/v2/customers*' })
        }

        # $Count customers registered into the emulator's product, oldest first; the request log cleared.
        function New-RegisteredCustomer {
            [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'A test helper filling the test emulator; nothing to confirm.')]
            param([int] $Count)
            $made = for ($i = 1; $i -le $Count; $i++) {
                Register-MayarCustomer -ProductId $script:emulator.ProductId -Name "Customer $i" -Email "customer.$i.$([guid]::NewGuid().ToString('N'))@example.com" -Mobile '081234567890' -TrialCredit (100 * $i)
            }

            Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
            $made
        }
    }

    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'reads a customer by email and pipes it into Get-MayarCreditBalance by CustomerId' {
        $registered = @(New-RegisteredCustomer -Count 2)
        $customer = Get-MayarCustomer -Email $registered[1].Email
        $customer | Should -BeOfType ([Mayar.Credit.Client.MayarCustomerSummary])
        $customer.CustomerId | Should -Be $registered[1].CustomerId
        $customer.Email | Should -Be $registered[1].Email
        $customer.Name | Should -Be 'Customer 2'
        $balance = Get-MayarCustomer -Email $registered[1].Email | Get-MayarCreditBalance -ProductId $script:emulator.ProductId
        $balance.CustomerId | Should -Be $registered[1].CustomerId
        $balance.Balance | Should -Be 200
        (Get-CustomerRequest).Count | Should -Be 2
        (Get-CustomerRequest)[0].query | Should -Match '^\?email='
    }

    It 'keeps the merchant''s webhook URL and account off the output' {
        $customer = Get-MayarCustomer -Email 'johndoe.sample@example.com'
        $customer.CustomerId | Should -Be $script:emulator.SampleCustomerId
        # Which properties, not their order: the times' CodeProperties (Mayar.Credit.Types.ps1xml) come first.
        @($customer.PSObject.Properties.Name | Sort-Object) | Should -Be @('CreatedAt', 'CustomerId', 'Email', 'Mobile', 'Name', 'Status', 'UpdatedAt', 'UserId')
        ($customer | Format-List * | Out-String) | Should -Not -Match 'urlHook|example\.invalid|Emulator Merchant'
    }

    It 'lists every customer, newest first, in one page when they fit' {
        $registered = @(New-RegisteredCustomer -Count 3)
        $all = @(Get-MayarCustomer)
        $all.CustomerId | Should -Be @($registered[2].CustomerId, $registered[1].CustomerId, $registered[0].CustomerId, $script:emulator.SampleCustomerId)
        (Get-CustomerRequest).Count | Should -Be 1
    }

    It '-First 3 makes one request' {
        $null = New-RegisteredCustomer -Count 8
        $customers = @(Get-MayarCustomer -First 3)
        $customers.Count | Should -Be 3
        $requests = Get-CustomerRequest
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Be '?limit=3'
    }

    It 'asks for the next page only when the pipeline wants more, one -Verbose line per page' {
        $null = New-RegisteredCustomer -Count 55
        @(Get-MayarCustomer | Select-Object -First 2).Count | Should -Be 2
        (Get-CustomerRequest).Count | Should -Be 1

        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $out = @(Get-MayarCustomer -Skip 1 -Verbose 4>&1)
        @($out | Where-Object { $_ -is [Mayar.Credit.Client.MayarCustomerSummary] }).Count | Should -Be 55
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET .*/hl/v2/customers.* -> 200' }).Count | Should -Be 2
        $requests = Get-CustomerRequest
        $requests.Count | Should -Be 2
        $requests[0].query | Should -Be '?limit=50'
        $requests[1].query | Should -Match '^\?limit=50&startingAfter=\d{13}$'
    }

    It 'writes Mayar.NotFound for an unknown email and goes on with the next input' {
        $registered = @(New-RegisteredCustomer -Count 1)
        $rows = @(
            [pscustomobject]@{ EmailAddress = 'nobody@example.com' }
            [pscustomobject]@{ EmailAddress = $registered[0].Email }
        )
        $customers = @($rows | Get-MayarCustomer -ErrorVariable failures -ErrorAction SilentlyContinue)
        $customers.Count | Should -Be 1
        $customers[0].CustomerId | Should -Be $registered[0].CustomerId
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
        $failures[0].TargetObject.Email | Should -Be 'nobody@example.com'
    }

    It 'refuses an email that is not one, naming the parameter, and sends nothing' {
        Get-MayarCustomer -Email 'not-an-email' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument*'
        $refused[0].Exception.Message | Should -Match '^-Email '
        (Get-CustomerRequest).Count | Should -Be 0
    }

    It 'honours -IncludeTotalCount with no total for the list (the API gives none) and 1 for an email' {
        $listed = @(Get-MayarCustomer -IncludeTotalCount)
        $listed.Count | Should -Be 2
        $listed[0] | Should -Be 0
        $listed[1] | Should -BeOfType ([Mayar.Credit.Client.MayarCustomerSummary])
        $one = @(Get-MayarCustomer -Email 'johndoe.sample@example.com' -IncludeTotalCount)
        $one.Count | Should -Be 2
        "$($one[0])" | Should -Match '1'
    }
}
