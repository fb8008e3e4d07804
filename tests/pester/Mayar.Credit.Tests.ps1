# End-to-end tests of the cmdlets in real PowerShell against the emulator (Pester 5): the module, connecting, retries and pacing.
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
