# Set-MayarCustomer (Pester 5) against the emulator: the email change as the emulator's V2 customers show it, what
# is written with and without -PassThru, -WhatIf, bad input, an unknown address in a batch, and a lost answer.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    $script:sampleEmail = 'johndoe.sample@example.com'
    $script:updatePath = '/hl/v2/customers/update'

    # The customer's id as the emulator knows the address now; $null when no customer has it.
    function Get-CustomerIdByEmail {
        param([string] $Email)
        $found = Get-MayarCustomer -Email $Email -ErrorAction SilentlyContinue
        if ($found) { $found.CustomerId } else { $null }
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Set-MayarCustomer' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
        $script:newEmail = 'john.{0}@example.com' -f [guid]::NewGuid().ToString('N')
    }

    It 'moves the customer to the new address and writes nothing' {
        $output = @(Set-MayarCustomer -Email $script:sampleEmail -NewEmail $script:newEmail)

        $output.Count | Should -Be 0
        $request = @(Get-EmulatorRequest)
        $request.Count | Should -Be 1
        ($request[0].body | ConvertFrom-Json).toEmail | Should -Be $script:newEmail
        Get-CustomerIdByEmail $script:newEmail | Should -Be $script:emulator.SampleCustomerId
        Get-CustomerIdByEmail $script:sampleEmail | Should -BeNullOrEmpty
    }

    It 'writes the change with -PassThru, which pipes into Get-MayarCustomer' {
        $customer = Set-MayarCustomer $script:sampleEmail $script:newEmail -PassThru | Get-MayarCustomer

        $customer.CustomerId | Should -Be $script:emulator.SampleCustomerId
        $customer.Email | Should -Be $script:newEmail
    }

    It 'sends nothing with -WhatIf' {
        Set-MayarCustomer -Email $script:sampleEmail -NewEmail $script:newEmail -WhatIf

        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses the same address naming -NewEmail, and sends nothing' {
        Set-MayarCustomer -Email $script:sampleEmail -NewEmail $script:sampleEmail.ToUpperInvariant() -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        $refused[0].Exception.Message | Should -BeLike '*-NewEmail*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'binds Email and ToEmail columns, and an unknown address is Mayar.NotFound while the next row goes on' {
        $rows = @(
            [pscustomobject]@{ Email = 'nobody@example.com'; ToEmail = 'still.nobody@example.com' }
            [pscustomobject]@{ Email = $script:sampleEmail; ToEmail = $script:newEmail }
        )

        $changes = @($rows | Set-MayarCustomer -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
        $failures[0].Exception.Message | Should -BeLike '*tidak terdaftar sebagai customer*'
        $changes.Email | Should -Be @($script:newEmail)
        Get-CustomerIdByEmail $script:newEmail | Should -Be $script:emulator.SampleCustomerId
    }

    It 'after a lost answer says the outcome is unknown, sends once, and a re-run answers Mayar.NotFound' {
        Add-EmulatorFault @{ path = $script:updatePath; kind = 'drop-after' }

        Set-MayarCustomer $script:sampleEmail $script:newEmail -ErrorVariable lost -ErrorAction SilentlyContinue

        $lost.Count | Should -Be 1
        $lost[0].ErrorDetails.RecommendedAction | Should -BeLike '*Mayar.NotFound*Get-MayarCustomer -Email <new address>*'
        @(Get-EmulatorRequest | Where-Object path -eq $script:updatePath).Count | Should -Be 1
        Get-CustomerIdByEmail $script:newEmail | Should -Be $script:emulator.SampleCustomerId

        Set-MayarCustomer $script:sampleEmail $script:newEmail -ErrorVariable rerun -ErrorAction SilentlyContinue
        $rerun[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
    }
}
