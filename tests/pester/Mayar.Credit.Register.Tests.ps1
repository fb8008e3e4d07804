# Registering customers, creating customer records and reading balances (Pester 5): Register-MayarCustomer,
# New-MayarCustomer, Get-MayarCreditBalance, and registration into a membership tier.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Register-MayarCustomer' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'registers a customer and writes the typed result' {
        $result = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'John Doe' -Email 'johndoe@example.com' -Mobile '08777777777' -TrialCredit 300
        $result | Should -BeOfType 'Mayar.Credit.Client.RegisteredCreditCustomer'
        $result.ProductId | Should -Be $script:emulator.ProductId
        $result.CustomerId | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        $request = @(Get-EmulatorRequest)
        $request.Count | Should -Be 1
        $body = $request[0].body | ConvertFrom-Json
        $body.customerInfo.email | Should -Be 'johndoe@example.com'
        $body.trialCredit | Should -Be 300
    }

    It 'registers a CSV and pipes on into Get-MayarCreditBalance' {
        $balances = @(Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'members.csv') |
                Register-MayarCustomer -ProductId $script:emulator.ProductId |
                Get-MayarCreditBalance)
        $balances.Count | Should -Be 3
        $balances | ForEach-Object { $_ | Should -BeOfType 'Mayar.Credit.Client.CreditBalance' }
        $balances.AddonBalance | Should -Be @(300, 150, 0)
        $balances.Balance | Should -Be @(300, 150, 0)
    }

    It 'binds a digit string the same on a <Culture> machine, and refuses ''300.0'' rather than reading 3000' -ForEach @(
        @{ Culture = 'de-DE' }
        @{ Culture = 'id-ID' }
    ) {
        # In both cultures '.' separates thousands: bound with the current culture, '300.0' would be 3000.
        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($Culture)
            $result = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Culture Test' -Email "culture.$Culture@example.com" -Mobile '08777777777' -TrialCredit ' 300 '
            Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Culture Test' -Email "culture2.$Culture@example.com" -Mobile '08777777777' -TrialCredit '300.0' -ErrorVariable refused -ErrorAction SilentlyContinue
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $saved
        }

        $result.TrialCredit | Should -Be 300
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        $refused[0].Exception.Message | Should -BeLike '-TrialCredit must be a whole number*'
    }

    It 'keeps going when one row is bad, and attaches the error to that row' {
        $rows = @(
            [pscustomobject]@{ Name = 'Good One'; Email = 'good.one@example.com'; Mobile = '0812345678' }
            [pscustomobject]@{ Name = 'Bad Email'; Email = 'not-an-email'; Mobile = '0812345678' }
            [pscustomobject]@{ Name = 'Good Two'; Email = 'good.two@example.com'; Mobile = '0812345679' }
        )
        $results = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 2
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].TargetObject.Email | Should -Be 'not-an-email'
        $failures[0].Exception.Message | Should -BeLike '-Email *'
        @(Get-EmulatorRequest).Count | Should -Be 2
    }

    It 'reports a second registration of the email as Mayar.Conflict' {
        $arguments = @{ ProductId = $script:emulator.ProductId; Name = 'Dup'; Email = 'dup@example.com'; Mobile = '0812345678' }
        Register-MayarCustomer @arguments | Out-Null
        Register-MayarCustomer @arguments -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.Conflict,*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ResourceExists'
        { Register-MayarCustomer @arguments -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.Conflict,*'
    }

    It 'sends nothing with -WhatIf' {
        Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'What If' -Email 'whatif@example.com' -Mobile '0812345678' -WhatIf
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses an id that is not a UUID before sending' {
        { Register-MayarCustomer -ProductId 'not-a-uuid' -Name 'A' -Email 'a@example.com' -Mobile '0812345678' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '-ProductId must be a UUID*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'reports an API error sent as HTTP 200 by its real status' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'variants' -Body @{ errorsAsHttp200 = $true } | Out-Null
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl
        { Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'A' -Email 'a@example.com' -Mobile '0812345678' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.Unauthorized,*'
    }
}

Describe 'New-MayarCustomer' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'creates the seed example and reads back every field' {
        $customer = New-MayarCustomer -Name 'Brighton Mboya' -Email 'brighton@jani.com' -Phone '+2557881234567' -City 'Dar es Salaam' -Country tz `
            -PaymentMethod 'card_01h3vjs3b16yc3f9q8q9pfrb79' -Status active -CustomData @{ loyalty_program = 'Gold' }
        $customer | Should -BeOfType 'Mayar.Credit.Client.MayarCustomer'
        $customer.Id | Should -Match '^cus_[0-9a-z]{26}$'
        $customer.Country | Should -Be 'TZ'
        $customer.CustomData['loyalty_program'] | Should -Be 'Gold'
        $customer.CreatedAt | Should -Not -BeNullOrEmpty
    }

    It 'refuses a country name with a hint' {
        { New-MayarCustomer -Name 'A' -Email 'a@example.com' -Country 'Tanzania' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage "*did you mean 'TZ'*"
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a status outside the set at binding' {
        { New-MayarCustomer -Name 'A' -Email 'a@example.com' -Status 'deleted' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'reports a known email as Mayar.Conflict' {
        New-MayarCustomer -Name 'A' -Email 'same@example.com' | Out-Null
        { New-MayarCustomer -Name 'B' -Email 'SAME@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.Conflict,*'
    }

    It 'binds Mobile to -Phone from pipeline objects and treats empty cells as not given' {
        $customer = [pscustomobject]@{ Name = 'Pipe Line'; Email = 'pipe@example.com'; Mobile = '0812-345-678'; City = '' } | New-MayarCustomer
        $customer.Phone | Should -Be '0812345678'
        $customer.City | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        New-MayarCustomer -Name 'A' -Email 'a@example.com' -WhatIf
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe 'Get-MayarCreditBalance' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'reads the seed example balance' {
        $balance = Get-MayarCreditBalance -CustomerId $script:emulator.SampleCustomerId -ProductId $script:emulator.SampleProductId
        $balance.Balance | Should -Be 30001
        $balance.MainBalance | Should -Be 29501
        $balance.AddonBalance | Should -Be 500
    }

    It 'writes Mayar.NotFound for an unknown customer without stopping the pipeline' {
        $queries = @(
            [pscustomobject]@{ CustomerId = '11111111-1111-4111-8111-111111111111'; ProductId = $script:emulator.SampleProductId }
            [pscustomobject]$sample
        )
        $balances = @($queries | Get-MayarCreditBalance -ErrorVariable failures -ErrorAction SilentlyContinue)
        $balances.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
    }

    It 'turns a lasting plain-text 502 into Mayar.ServerError after the retries' {
        Connect-Emulator -MaxRetries 1
        Add-EmulatorFault @{ status = 502; body = 'Bad Gateway'; contentType = 'text/plain'; count = 0 }
        { Get-MayarCreditBalance @sample -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.ServerError,*' -ExpectedMessage '*Bad Gateway*Gave up after 2 attempts*'
        @(Get-EmulatorRequest).Count | Should -Be 2
    }

    It 'reads a member balance from a row with member_id and membership_tier_id' {
        $row = [pscustomobject]@{
            member_id          = '3scdi9zq'
            membership_tier_id = 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
            product_id         = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10'
        }
        $balance = $row | Get-MayarCreditBalance
        $balance.MemberId | Should -Be '3SCDI9ZQ'
        $balance.MembershipBalance | Should -Be 1200
        $balance.AddonBalance | Should -Be 300
        $balance.Balance | Should -Be 1500
        (Get-EmulatorRequest)[-1].query | Should -BeLike '*membershipTierId=b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f&memberId=3SCDI9ZQ'
        ($balance | Format-List | Out-String) | Should -BeLike '*MembershipBalance*1200*'
    }

    It 'reads a customer membership balance with -MembershipTierId on the command line' {
        $balance = Get-MayarCreditBalance '5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30' '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10' -MembershipTierId 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
        $balance.MembershipBalance | Should -Be 1200
        $balance.CustomerId | Should -Be '5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30'
    }

    It 'refuses -MemberId without -MembershipTierId at binding' {
        $row = [pscustomobject]@{ member_id = '3SCDI9ZQ'; product_id = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10' }
        $balances = @($row | Get-MayarCreditBalance -ErrorVariable failures -ErrorAction SilentlyContinue)
        $balances.Count | Should -Be 0
        $failures[0].Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        @(Get-EmulatorRequest).Count | Should -Be 0
        (Get-Command Get-MayarCreditBalance).ParameterSets.Name | Sort-Object | Should -Be @('Customer', 'Member')
    }

    It 'traces each request with -Verbose and never shows the key' {
        $verbose = @(Get-MayarCreditBalance @sample -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -join "`n") | Should -Match 'GET /credit/v1/credit/customer/balance -> 200 \(\d+ ms\)'
        ($verbose.Message -join "`n") | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }
}

Describe 'Register-MayarCustomer -MembershipTierId' {
    BeforeAll {
        $script:membership = @{
            ProductId        = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10'
            MembershipTierId = 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
            MonthlyPeriod    = 3
            Name             = 'Jane Member'
            Mobile           = '08123456789'
        }
    }

    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'registers a member whose member id and tier read the membership balance' {
        $member = Register-MayarCustomer @membership -Email 'jane.member@example.com' -TrialCredit 70 -Confirm:$false
        $member | Should -BeOfType ([Mayar.Credit.Client.RegisteredMembershipCustomer])
        $member.MemberId | Should -Match '^[A-Z0-9]{8}$'
        $member.NextPayment | Should -Not -BeNullOrEmpty
        $member.PaymentLinkUrl | Should -Not -BeNullOrEmpty
        (Get-EmulatorRequest)[-1].path | Should -Be '/credit/v1/credit/membership/customer/regist'

        $balance = $member | Select-Object -Property @('MemberId', 'MembershipTierId', 'ProductId') | Get-MayarCreditBalance
        $balance.MemberId | Should -Be $member.MemberId
        $balance.MembershipBalance | Should -Be 0
        $balance.AddonBalance | Should -Be 70
    }

    It 'reports a second registration of the email in the tier as Mayar.Conflict' {
        $null = Register-MayarCustomer @membership -Email 'twice.member@example.com' -Confirm:$false
        { Register-MayarCustomer @membership -Email 'twice.member@example.com' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.Conflict,*'
    }

    It 'keeps the credit-usage set as the default and declares an output type per set' {
        $command = Get-Command Register-MayarCustomer
        $command.DefaultParameterSet | Should -Be 'CreditUsage'
        ($command.ParameterSets | Where-Object Name -eq 'Membership').Parameters.Name | Should -Contain 'MonthlyPeriod'
        $badPeriod = $membership.Clone()
        $badPeriod.MonthlyPeriod = 2
        { Register-MayarCustomer @badPeriod -Email 'x@example.com' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}
