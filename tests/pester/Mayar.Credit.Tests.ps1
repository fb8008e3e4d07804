# End-to-end tests of the cmdlets in real PowerShell against the emulator (Pester 5).
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'The module' {
    It 'exports exactly the cmdlets the source manifest lists' {
        $listed = (Import-PowerShellDataFile -Path (Join-Path $script:root 'Mayar.Credit.psd1')).CmdletsToExport | Sort-Object
        @($listed).Count | Should -BeGreaterThan 0
        (Get-Command -Module Mayar.Credit).Name | Sort-Object | Should -Be $listed
    }

    It 'gives each cmdlet an output type' {
        foreach ($command in Get-Command -Module Mayar.Credit) {
            $command.OutputType.Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}

Describe 'Connect-Mayar, Get-MayarConnection and Disconnect-Mayar' {
    BeforeEach {
        Reset-Emulator
        Disconnect-Mayar
    }

    It 'stores a default connection and shows only the last characters of the key' {
        Connect-Emulator
        $connection = Get-MayarConnection
        $connection | Should -BeOfType 'Mayar.Credit.MayarConnection'
        $connection.Environment.ToString() | Should -Be 'Custom'
        $connection.BaseUri.AbsoluteUri | Should -Be ($script:emulator.BaseUrl + '/')
        $connection.ApiKeyHint | Should -Be ([string][char]0x2026 + $script:emulator.ApiKey.Substring($script:emulator.ApiKey.Length - 4))
        ($connection | Format-List * | Out-String) | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
        "$connection" | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'writes the connection with -PassThru and uses the documented sandbox host' {
        $connection = Connect-Mayar -ApiKey $script:key -Environment Sandbox -PassThru
        $connection.BaseUri.AbsoluteUri | Should -Be 'https://api.mayar.club/'
        $connection.Environment.ToString() | Should -Be 'Sandbox'
    }

    It 'refuses plain http to a host that is not loopback' {
        { Connect-Mayar -ApiKey $script:key -BaseUri 'http://api.example.com' } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '*https*'
        Get-MayarConnection | Should -BeNullOrEmpty
    }

    It 'says how to pass a key when there is none' {
        { Connect-Mayar -BaseUri $script:emulator.BaseUrl } | Should -Throw -ExpectedMessage '*MAYAR_API_KEY*'
    }

    It 'takes the key from MAYAR_API_KEY when -ApiKey is not given' {
        try {
            $env:MAYAR_API_KEY = $script:emulator.ApiKey
            Connect-Mayar -BaseUri $script:emulator.BaseUrl
            (Get-MayarCreditBalance @sample).Balance | Should -Be 30001
        }
        finally {
            $env:MAYAR_API_KEY = $null
        }
    }

    It 'forgets the default on Disconnect-Mayar, after which API cmdlets stop with Mayar.NotConnected' {
        Connect-Emulator
        Disconnect-Mayar
        Get-MayarConnection | Should -BeNullOrEmpty
        { Get-MayarCreditBalance @sample } | Should -Throw -ErrorId 'Mayar.NotConnected,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'falls back to MAYAR_API_KEY and MAYAR_BASE_URI without a default connection' {
        try {
            $env:MAYAR_API_KEY = $script:emulator.ApiKey
            $env:MAYAR_BASE_URI = $script:emulator.BaseUrl
            (Get-MayarConnection).Source | Should -Be 'Environment'
            (Get-MayarCreditBalance @sample).Balance | Should -Be 30001
        }
        finally {
            $env:MAYAR_API_KEY = $null
            $env:MAYAR_BASE_URI = $null
        }
    }

    It 'stops a 30-row batch at the first refusal of the key: one request, one error' {
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null
        $rows = 1..30 | ForEach-Object { [pscustomobject]@{ CustomerId = $script:emulator.SampleCustomerId; ProductId = $script:emulator.SampleProductId } }
        $thrown = $null
        try {
            $rows | Get-MayarCreditBalance -ErrorVariable rowErrors -ErrorAction SilentlyContinue | Out-Null
        }
        catch {
            $thrown = $_
        }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'Mayar.Unauthorized,*'
        @($rowErrors).Count | Should -Be 1
        @(Get-EmulatorRequest).Count | Should -Be 1
    }

    It 'lets -Connection override the default connection' {
        $good = Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -PassThru
        Connect-Mayar -ApiKey $script:wrongKey -BaseUri $script:emulator.BaseUrl
        (Get-MayarCreditBalance @sample -Connection $good).Balance | Should -Be 30001
        { Get-MayarCreditBalance @sample -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.Unauthorized,*'
    }
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

Describe 'Retries and pacing' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'shows the retry and pacing settings on the connection' {
        $connection = Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -MaxRetries 2 -RequestsPerMinute 600 -PassThru
        $connection.MaxRetries | Should -Be 2
        $connection.RequestsPerMinute | Should -Be 600
        $default = Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -PassThru
        $default.MaxRetries | Should -Be 4
        $default.RequestsPerMinute | Should -Be 20
    }

    It 'refuses out-of-range settings at binding' {
        { Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -MaxRetries 11 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'recovers a read from a 503 and traces the wait and the second attempt with -Verbose' {
        Add-EmulatorFault @{ path = $script:balancePath; status = 503; retryAfter = '0' }
        $output = @(Get-MayarCreditBalance @sample -Verbose 4>&1)
        $balance = @($output | Where-Object { $_ -is [Mayar.Credit.Client.CreditBalance] })
        $verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $balance.Count | Should -Be 1
        $balance[0].Balance | Should -Be 30001
        $verbose | Should -Match 'GET /credit/v1/credit/customer/balance -> 503 \(\d+ ms\)'
        $verbose | Should -Match 'Waiting 0\.0 s before attempt 2 of GET /credit/v1/credit/customer/balance: 503'
        $verbose | Should -Match 'GET /credit/v1/credit/customer/balance -> 200 \(\d+ ms, attempt 2\)'
    }

    It 'retries a write refused with 429, once the Retry-After has passed' {
        Add-EmulatorFault @{ path = $script:registerPath; status = 429; retryAfter = '1' }
        $result = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Rate Limited' -Email 'limited@example.com' -Mobile '0812345678'
        $result.Email | Should -Be 'limited@example.com'
        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 2
        $requests[0].status | Should -Be 429
        $requests[1].status | Should -Be 200
    }

    It 'does not repeat a write whose connection broke after sending, and a re-run reports it as a conflict' {
        Add-EmulatorFault @{ path = $script:registerPath; kind = 'drop-after' }
        $arguments = @{ ProductId = $script:emulator.ProductId; Name = 'Dropped'; Email = 'dropped@example.com'; Mobile = '0812345678' }
        Register-MayarCustomer @arguments -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.Transport,*'
        $failures[0].Exception.Message | Should -BeLike '*may have been processed*'
        $failures[0].Exception.MayHaveBeenProcessed | Should -BeTrue
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Mayar.Conflict*'
        @(Get-EmulatorRequest).Count | Should -Be 1

        # Resuming the batch: the first attempt did register, so the re-run is a conflict, not a duplicate.
        { Register-MayarCustomer @arguments -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.Conflict,*'
        # The seed's sample account and the one registration: nothing was registered twice.
        (Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Path 'state').registrations | Should -Be 2
    }

    It 'keeps the pipeline going past a write that timed out' {
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -TimeoutSec 1
        Add-EmulatorFault @{ path = $script:registerPath; kind = 'hang' }
        $rows = @(
            [pscustomobject]@{ Name = 'Hung'; Email = 'hung@example.com'; Mobile = '0812345678' }
            [pscustomobject]@{ Name = 'Fine'; Email = 'fine@example.com'; Mobile = '0812345679' }
        )
        $results = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 1
        $results[0].Email | Should -Be 'fine@example.com'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.Timeout,*'
        $failures[0].TargetObject.Email | Should -Be 'hung@example.com'
    }

    It 'spaces the requests of a paced connection' {
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 120
        $elapsed = Measure-Command { 1..3 | ForEach-Object { Get-MayarCreditBalance @sample } | Out-Null }
        # Three requests half a second apart take at least one second (a lower bound: a busy machine only adds).
        $elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 950
    }
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
