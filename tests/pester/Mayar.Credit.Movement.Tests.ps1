# Moving credit and selling it (Pester 5): Add-MayarCredit, Use-MayarCredit and New-MayarCreditCheckout.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Add-MayarCredit and Use-MayarCredit' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'runs a CSV batch through the pipeline: register, top up, spend, then history and balance' {
        $rows = @(
            [pscustomobject]@{ Name = 'Ani Batch'; Email = "ani.$([guid]::NewGuid().ToString('N'))@example.com"; Phone = '081234567890'; TopUp = '500'; Usage = '120' }
            [pscustomobject]@{ Name = 'Budi Batch'; Email = "budi.$([guid]::NewGuid().ToString('N'))@example.com"; Phone = '081234567891'; TopUp = '300'; Usage = '50' }
        )
        $registered = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId)
        # CSV-shaped rows: snake_case headers bind through the aliases, amounts are strings.
        $topUpRows = @(for ($i = 0; $i -lt $rows.Count; $i++) {
                [pscustomobject]@{ customer_id = $registered[$i].CustomerId; product_id = $registered[$i].ProductId; credit_amount = $rows[$i].TopUp }
            })
        $usageRows = @(for ($i = 0; $i -lt $rows.Count; $i++) {
                [pscustomobject]@{ CustomerId = $registered[$i].CustomerId; ProductId = $registered[$i].ProductId; Amount = $rows[$i].Usage }
            })

        $topUps = @($topUpRows | Add-MayarCredit)
        $topUps.Count | Should -Be 2
        $topUps[0] | Should -BeOfType ([Mayar.Credit.Client.CreditTopUp])
        $topUps.BalanceAfter | Should -Be @(500, 300)
        $topUps.Reconciled | Should -Be @($false, $false)

        $spends = @($usageRows | Use-MayarCredit)
        $spends.Amount | Should -Be @(120, 50)
        $spends.Wallet | Should -Be @('MAIN', 'MAIN')
        $spends.FromAddOn | Should -Be @(120, 50)

        ($registered | Get-MayarCreditBalance).Balance | Should -Be @(380, 250)
        $history = @($registered[0] | Get-MayarCreditHistory -Ascending)
        $history.Type | Should -Be @('MERCHANT_TOPUP', 'CREDIT_USAGE')
        $history.Amount | Should -Be @(500, -120)
    }

    It 'sends nothing with -WhatIf' {
        Add-MayarCredit @sample -Amount 10 -WhatIf
        Use-MayarCredit @sample -Amount 10 -WhatIf
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-MayarCreditBalance @sample).Balance | Should -Be 30001
    }

    It 'writes Mayar.InsufficientCredit for a row that cannot afford it and spends the other rows' {
        $rows = @(
            [pscustomobject]@{ CustomerId = $sample.CustomerId; ProductId = $sample.ProductId; Amount = 10 }
            [pscustomobject]@{ CustomerId = $sample.CustomerId; ProductId = $sample.ProductId; Amount = 1000000 }
            [pscustomobject]@{ CustomerId = $sample.CustomerId; ProductId = $sample.ProductId; Amount = 20 }
        )
        $spent = @($rows | Use-MayarCredit -ErrorVariable failures -ErrorAction SilentlyContinue)
        $spent.Amount | Should -Be @(10, 20)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InsufficientCredit*'
        $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failures[0].TargetObject.Amount | Should -Be 1000000
        (Get-MayarCreditBalance @sample).Balance | Should -Be 29971
    }

    It 'reports a top-up whose answer was lost but which the history shows, once, with one -Verbose line saying so' {
        Add-EmulatorFault @{ kind = 'drop-after'; path = '/credit/v1/credit/customer/add-credit' }
        $out = @(Add-MayarCredit @sample -Amount 10 -Verbose 4>&1)
        $topUp = @($out | Where-Object { $_ -is [Mayar.Credit.Client.CreditTopUp] })
        $topUp.Count | Should -Be 1
        $topUp[0].Reconciled | Should -BeTrue
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'credit history shows MERCHANT_TOPUP 10 .*: done, not sent again$' }).Count | Should -Be 1
        (Get-MayarCreditBalance @sample).Balance | Should -Be 30011
        @(Get-EmulatorRequest | Where-Object { $_.path -eq '/credit/v1/credit/customer/add-credit' }).Count | Should -Be 1
    }

    It 'spends a member''s MEMBERSHIP wallet first, from a row with the member''s columns' {
        # The emulator's sample member of its membership product: 1200 MEMBERSHIP, 300 ADD_ON.
        $row = [pscustomobject]@{
            customer_id        = '5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30'
            product_id         = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10'
            membership_tier_id = 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
            member_id          = '3SCDI9ZQ'
            Amount             = '1250'
        }
        $spend = $row | Use-MayarCredit
        ($spend.Wallet, $spend.FromWallet, $spend.FromAddOn) | Should -Be @('MEMBERSHIP', 1200, 50)
        (Get-MayarCreditBalance -MemberId 3SCDI9ZQ -MembershipTierId $row.membership_tier_id -ProductId $row.product_id).Balance | Should -Be 250
    }

    It 'refuses an amount that is not a positive whole number, naming -Amount, and sends nothing' {
        Add-MayarCredit @sample -Amount '1.5' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument*'
        $refused[0].Exception.Message | Should -Match '^-Amount '
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'New-MayarCreditCheckout' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
        $script:checkoutPath = '/credit/v1/credit/generate/immutable/checkout'
    }

    It 'runs the help page''s first example: one link selling 1000 credits' {
        $url = New-MayarCreditCheckout -ProductId 43eadce2-bc52-4e38-a832-93fb835f2a69 -Name 'John Doe' -Email johndoe@gmail.com -Mobile 08777777777 -CreditAmount 1000 |
            Select-Object -ExpandProperty CheckoutUrl
        $url | Should -Match '^https://\S+\?immutable=\S+$'
        $request = @(Get-EmulatorRequest)
        $request.Count | Should -Be 1
        $request[0].path | Should -Be $script:checkoutPath
        $body = $request[0].body | ConvertFrom-Json
        $body.productId | Should -Be '43eadce2-bc52-4e38-a832-93fb835f2a69'
        $body.creditAmount | Should -Be 1000
        $body.customerInfo.email | Should -Be 'johndoe@gmail.com'
    }

    It 'turns CSV rows into one link each, in row order, and exports them (the second example)' {
        $csv = Join-Path $PSScriptRoot 'members.csv'
        $links = Join-Path $TestDrive 'links.csv'
        $checkouts = @(Import-Csv -LiteralPath $csv | New-MayarCreditCheckout -ProductId $script:emulator.ProductId -CreditAmount 500)
        $checkouts.Count | Should -Be 3
        $checkouts | ForEach-Object { $_ | Should -BeOfType 'Mayar.Credit.Client.CreditCheckout' }
        $checkouts.Email | Should -Be @((Import-Csv -LiteralPath $csv).Email)
        $checkouts.CreditAmount | Should -Be @(500, 500, 500)
        @($checkouts.CheckoutUrl | Select-Object -Unique).Count | Should -Be 3
        $checkouts | Select-Object -Property 'Email', 'CreditAmount', 'CheckoutUrl' | Export-Csv -LiteralPath $links -NoTypeInformation
        (Import-Csv -LiteralPath $links).CheckoutUrl | Should -Be $checkouts.CheckoutUrl
    }

    It 'sends nothing and writes nothing with -WhatIf' {
        $output = Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'members.csv') | New-MayarCreditCheckout -ProductId $script:emulator.ProductId -CreditAmount 500 -WhatIf
        $output | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'declares a low impact: it asks only when $ConfirmPreference is Low, and -Confirm:$false sends' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command -Name New-MayarCreditCheckout))
        $metadata.SupportsShouldProcess | Should -BeTrue
        $metadata.ConfirmImpact.ToString() | Should -Be 'Low'
        $ConfirmPreference = 'Low'
        $checkout = New-MayarCreditCheckout -ProductId $script:emulator.ProductId -Name 'No Prompt' -Email 'no.prompt@example.com' -Mobile '0812345678' -Confirm:$false
        $checkout.CheckoutUrl | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 1
    }

    It 'writes a membership product''s per-tier links' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'variants' -Body @{ membershipCheckout = $true } | Out-Null
        $checkout = New-MayarCreditCheckout -ProductId $script:emulator.ProductId -Name 'Siti Rahma' -Email 'siti.rahma@example.com' -Mobile '081234567890'
        $checkout.CheckoutUrl | Should -BeNullOrEmpty
        $checkout.Tiers.Count | Should -Be 2
        $checkout.Tiers | ForEach-Object { $_.CheckoutUrl | Should -BeLike "$($checkout.PaymentLinkUrl)?immutable=*" }
    }

    It 'refuses a credit amount of 0 before sending, naming the parameter' {
        { New-MayarCreditCheckout -ProductId $script:emulator.ProductId -Name 'A' -Email 'a@example.com' -Mobile '0812345678' -CreditAmount 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '-CreditAmount must be 1 or more*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'reports a product of another merchant as Mayar.Validation with the API''s message' {
        New-MayarCreditCheckout -ProductId ([guid]::NewGuid()) -Name 'A' -Email 'a@example.com' -Mobile '0812345678' -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.Validation,*'
        $failures[0].Exception.Message | Should -BeLike '*You are not authorized to edit this product!*'
    }
}
