# Errors and confirmation (Pester 5): every ErrorId with its category, -WhatIf and -Confirm.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Every ErrorId, with its category' {
    BeforeEach {
        Reset-Emulator
        Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -RequestsPerMinute 0 -MaxRetries 0 -TimeoutSec 1
    }

    It 'HTTP 401 ends the command with one Mayar.Unauthorized (AuthenticationError), whatever -ErrorAction says' {
        Add-EmulatorFault @{ status = 401 }
        $thrown = $null
        try {
            Get-MayarCreditBalance @sample -ErrorAction SilentlyContinue
        }
        catch {
            $thrown = $_
        }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'Mayar.Unauthorized,*'
        $thrown.CategoryInfo.Category.ToString() | Should -Be 'AuthenticationError'
        $thrown.Exception | Should -BeOfType 'Mayar.Credit.Client.MayarApiException'
    }

    It '<Fault> becomes <ErrorId> (<Category>)' -ForEach @(
        @{ Fault = 'HTTP 400'; Rule = @{ status = 400; body = '{"statusCode":400,"messages":"customerId is invalid"}' }; ErrorId = 'Mayar.Validation'; Category = 'InvalidArgument' }
        @{ Fault = 'HTTP 403'; Rule = @{ status = 403 }; ErrorId = 'Mayar.Forbidden'; Category = 'PermissionDenied' }
        @{ Fault = 'HTTP 404'; Rule = @{ status = 404 }; ErrorId = 'Mayar.NotFound'; Category = 'ObjectNotFound' }
        @{ Fault = 'HTTP 409'; Rule = @{ status = 409 }; ErrorId = 'Mayar.Conflict'; Category = 'ResourceExists' }
        @{ Fault = 'HTTP 429 for an hour'; Rule = @{ status = 429; retryAfter = '3600' }; ErrorId = 'Mayar.RateLimited'; Category = 'LimitsExceeded' }
        @{ Fault = 'HTTP 500'; Rule = @{ status = 500 }; ErrorId = 'Mayar.ServerError'; Category = 'ConnectionError' }
        @{ Fault = 'a dropped connection'; Rule = @{ kind = 'drop-before' }; ErrorId = 'Mayar.Transport'; Category = 'ConnectionError' }
        @{ Fault = 'a hang'; Rule = @{ kind = 'hang' }; ErrorId = 'Mayar.Timeout'; Category = 'OperationTimeout' }
        @{ Fault = 'malformed JSON'; Rule = @{ kind = 'malformed-json' }; ErrorId = 'Mayar.InvalidResponse'; Category = 'InvalidResult' }
    ) {
        Add-EmulatorFault $Rule
        $balance = Get-MayarCreditBalance @sample -ErrorVariable failures -ErrorAction SilentlyContinue
        $balance | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].CategoryInfo.Category.ToString() | Should -Be $Category
        $failures[0].Exception | Should -BeOfType 'Mayar.Credit.Client.MayarApiException'
        $failures[0].TargetObject | Should -Not -BeNullOrEmpty
        $failures[0].Exception.Message | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'Mayar.InvalidArgument names the parameter and sends nothing' {
        { Get-MayarCreditBalance -CustomerId 'not a uuid' -ProductId $sample.ProductId -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '-CustomerId *'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'Mayar.NotConnected stops the command (terminating) with AuthenticationError' {
        Disconnect-Mayar
        $failure = $null
        try {
            Get-MayarCreditBalance @sample -ErrorAction SilentlyContinue
        }
        catch {
            $failure = $_
        }

        $failure | Should -Not -BeNullOrEmpty -Because 'a missing connection is terminating even with SilentlyContinue'
        $failure.FullyQualifiedErrorId | Should -BeLike 'Mayar.NotConnected,*'
        $failure.CategoryInfo.Category.ToString() | Should -Be 'AuthenticationError'
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It '-WhatIf on a CSV batch sends nothing and writes nothing' {
        $output = Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'members.csv') | Register-MayarCustomer -ProductId $script:emulator.ProductId -WhatIf
        $output | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It '-Confirm:$false sends without asking, even when $ConfirmPreference asks for everything' {
        $ConfirmPreference = 'Low'
        $customer = New-MayarCustomer -Name 'No Prompt' -Email 'no.prompt@example.com' -Confirm:$false
        $registered = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'No Prompt' -Email 'no.prompt@example.com' -Mobile '0812345678' -Confirm:$false
        $customer.Email | Should -Be 'no.prompt@example.com'
        $registered.Email | Should -Be 'no.prompt@example.com'
        @(Get-EmulatorRequest).Count | Should -Be 2
    }

    It 'declares a medium impact, so a default session does not prompt' {
        foreach ($name in 'Register-MayarCustomer', 'New-MayarCustomer') {
            $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command -Name $name))
            $metadata.SupportsShouldProcess | Should -BeTrue
            $metadata.ConfirmImpact.ToString() | Should -Be 'Medium'
        }
    }

    It 'reads nothing as a change: Get-MayarCreditBalance has no -WhatIf' {
        (Get-Command Get-MayarCreditBalance).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }
}
