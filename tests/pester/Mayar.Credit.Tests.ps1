# End-to-end tests of the six cmdlets in real PowerShell against the emulator (Pester 5).
# Run with: ./build.ps1 -Task Test   (builds first; the module is imported from out/Mayar.Credit)

BeforeAll {
    $script:root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $script:root 'tools/MayarEmulator.psm1') -Force
    $configuration = 'Debug'
    if ($env:MAYAR_CREDIT_CONFIGURATION) {
        $configuration = $env:MAYAR_CREDIT_CONFIGURATION
    }

    $script:emulator = Start-MayarEmulator -Root $script:root -Configuration $configuration
    Import-Module (Join-Path $script:root 'out/Mayar.Credit/Mayar.Credit.psd1') -Force
    $script:key = ConvertTo-SecureString -String $script:emulator.ApiKey -AsPlainText -Force
    $script:wrongKey = ConvertTo-SecureString -String 'wrong-key-0000000000' -AsPlainText -Force
    # A hashtable, for splatting (@sample); cast to [pscustomobject] to pipe it.
    $sample = @{
        CustomerId = $script:emulator.SampleCustomerId
        ProductId  = $script:emulator.SampleProductId
    }

    # Tests must not pick up a developer's real key.
    $script:savedEnvironment = @{}
    foreach ($name in 'MAYAR_API_KEY', 'MAYAR_ENVIRONMENT', 'MAYAR_BASE_URI') {
        $script:savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }

    function Reset-Emulator {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'reset' | Out-Null
    }

    function Get-EmulatorRequest {
        @(Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Path 'requests')
    }

    function Connect-Emulator {
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl
    }
}

AfterAll {
    Disconnect-Mayar -ErrorAction SilentlyContinue
    Remove-Module -Name Mayar.Credit -ErrorAction SilentlyContinue
    if ($script:emulator) {
        Stop-MayarEmulator -Emulator $script:emulator
    }

    foreach ($name in $script:savedEnvironment.Keys) {
        [Environment]::SetEnvironmentVariable($name, $script:savedEnvironment[$name])
    }
}

Describe 'The module' {
    It 'exports exactly the six cmdlets' {
        $names = (Get-Command -Module Mayar.Credit).Name | Sort-Object
        $names | Should -Be @('Connect-Mayar', 'Disconnect-Mayar', 'Get-MayarConnection', 'Get-MayarCreditBalance', 'New-MayarCustomer', 'Register-MayarCustomer')
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

    It 'binds a decimal string with the invariant culture on a de-DE machine' {
        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('de-DE')
            $result = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Culture Test' -Email 'culture@example.com' -Mobile '08777777777' -TrialCredit '300.0'
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $saved
        }

        $result.TrialCredit | Should -Be 300
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

    It 'turns a plain-text 502 into Mayar.ServerError' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Post -Path 'faults' -Body @{ status = 502; body = 'Bad Gateway'; contentType = 'text/plain' } | Out-Null
        { Get-MayarCreditBalance @sample -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.ServerError,*' -ExpectedMessage '*Bad Gateway*'
    }

    It 'traces each request with -Verbose and never shows the key' {
        $verbose = @(Get-MayarCreditBalance @sample -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -join "`n") | Should -Match 'GET /credit/v1/credit/customer/balance -> 200 \(\d+ ms\)'
        ($verbose.Message -join "`n") | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }
}
