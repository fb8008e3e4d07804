# What only PowerShell shows of the module's security rules (Pester 5): the -Debug text keeps the merchant's secrets
# out of transcripts, and a whole-number parameter binds nothing but a whole number.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # What the emulator's customer detail reply says of the merchant (HeadlessCustomerEndpoints).
    $script:merchantSecrets = @(
        'https://merchant.example.invalid/mayar/webhook?token=emulator-hook-secret'
        'emulator-hook-secret'
        'merchant@example.invalid'
        '3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c'
        '7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d'
    )

    function Get-DebugText {
        param([scriptblock] $Command)
        (& $Command 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n"
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'The -Debug text of Get-MayarCustomer -Email' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'shows the reply with the merchant''s webhook URL, email and ids masked (<How>)' -ForEach @(
        @{ How = '$DebugPreference'; Command = { $DebugPreference = 'Continue'; Get-MayarCustomer -Email 'johndoe.sample@example.com' } }
        @{ How = '-Debug'; Command = { Get-MayarCustomer -Email 'johndoe.sample@example.com' -Debug } }
    ) {
        # Windows PowerShell 5.1's -Debug asks before every line; its case runs in PowerShell 7 only.
        if ($How -eq '-Debug' -and $PSVersionTable.PSVersion.Major -lt 7) {
            Set-ItResult -Skipped -Because 'Windows PowerShell 5.1 -Debug prompts'
            return
        }

        $debug = Get-DebugText -Command $Command
        $debug | Should -Match 'GET /hl/v2/customers/detail -> 200'
        $debug | Should -Match 'response body: \{'
        $debug | Should -BeLike '*"urlHook":"`*`*`*"*'
        $debug | Should -BeLike '*johndoe.sample@example.com*' -Because 'the customer''s own fields are shown'
        foreach ($secret in $script:merchantSecrets) {
            $debug | Should -Not -BeLike "*$secret*"
        }

        $debug | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'leaves the output object as it was' {
        $customer = Get-MayarCustomer -Email 'johndoe.sample@example.com' -Debug:$false
        $customer.UserId | Should -Be '3c2d1b6e-8f0a-4f5e-9b7d-2a1c0e9f8d7c'
    }
}

Describe 'Whole-number parameters' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'Add-MayarCredit -Amount <Shown> is Mayar.InvalidArgument naming -Amount, and sends nothing' -ForEach @(
        @{ Shown = "'1e3'"; Amount = '1e3' }
        @{ Shown = '$true'; Amount = $true }
        @{ Shown = "'1.5'"; Amount = '1.5' }
        @{ Shown = "''"; Amount = '' }
        @{ Shown = "'12abc'"; Amount = '12abc' }
        @{ Shown = "'-5'"; Amount = '-5' }
        @{ Shown = "'0x10'"; Amount = '0x10' }
        @{ Shown = '1.5'; Amount = 1.5 }
    ) {
        { Add-MayarCredit @sample -Amount $Amount -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage '-Amount must be a whole number*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'Use-MayarCredit refuses ''1e3'' and $true from the pipeline, row by row, and sends nothing' {
        $rows = @(
            [pscustomobject]@{ CustomerId = $sample.CustomerId; ProductId = $sample.ProductId; Amount = '1e3' }
            [pscustomobject]@{ CustomerId = $sample.CustomerId; ProductId = $sample.ProductId; Amount = $true }
        )
        $spent = $rows | Use-MayarCredit -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $spent | Should -BeNullOrEmpty
        $refused.Count | Should -Be 2
        $refused | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
            $_.Exception.Message | Should -BeLike '-Amount must be a whole number*'
        }

        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'takes a whole number as a digit string, an integer or a double with no fraction' {
        $added = @('25', ' 25 ', 25, 25.0) | ForEach-Object { Add-MayarCredit @sample -Amount $_ -Confirm:$false }
        $added.Amount | Should -Be @(25, 25, 25, 25)
        @(Get-EmulatorRequest).Count | Should -Be 4
    }

    It '<Command> refuses <Parameter> ''1e3'' and $true, naming <Parameter>' -ForEach @(
        @{ Command = 'Register-MayarCustomer'; Parameter = 'TrialCredit' }
        @{ Command = 'New-MayarCreditCheckout'; Parameter = 'CreditAmount' }
    ) {
        foreach ($value in '1e3', $true) {
            $arguments = @{ ProductId = $script:emulator.ProductId; Name = 'Whole Test'; Email = 'whole.test@example.com'; Mobile = '08777777777'; $Parameter = $value }
            { & $Command @arguments -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'Mayar.InvalidArgument,*' -ExpectedMessage "-$Parameter must be a whole number*"
        }

        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}
