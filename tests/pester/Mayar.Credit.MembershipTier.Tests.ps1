# Get-MayarMembershipTier (Pester 5) against the emulator's sample membership product: the tiers, their view in 80
# columns, piping a tier into Register-MayarCustomer, and -MembershipTierId's tab completion from them.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    # The emulator's sample membership product and its tiers (EmulatorOptions).
    $script:membershipProductId = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10'
    $script:basicTierId = 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
    $script:proTierId = 'c9d8e7f6-5a4b-4c3d-8e2f-0a1b2c3d4e5f'
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Get-MayarMembershipTier' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'writes the product''s tiers with their ids, names, trial credit and periods' {
        $tiers = @(Get-MayarMembershipTier -ProductId $script:membershipProductId)

        $tiers.Count | Should -Be 3
        $tiers[0] | Should -BeOfType 'Mayar.Credit.Client.MayarMembershipTier'
        $tiers.Name | Should -Be @('Business', 'Pro', 'Basic')
        $pro = $tiers | Where-Object Name -eq 'Pro'
        $pro.MembershipTierId | Should -Be $script:proTierId
        $pro.TrialCredit | Should -Be 500
        $pro.Periods.MonthPeriod | Should -Be @(1, 12)
        $pro.ProductId | Should -Be $script:membershipProductId
    }

    It 'reads one page for -First 1' {
        (Get-MayarMembershipTier $script:membershipProductId -First 1).Name | Should -Be 'Business'
        @(Get-EmulatorRequest).Count | Should -Be 1
    }

    It 'shows each tier''s id whole in a table that fits 80 columns' {
        $lines = @((Get-MayarMembershipTier $script:membershipProductId | Out-String -Width 79) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
        ($lines -join "`n") | Should -Match ([regex]::Escape($script:basicTierId))
    }

    It 'pipes a tier into Register-MayarCustomer' {
        $registered = Get-MayarMembershipTier $script:membershipProductId | Where-Object Name -eq 'Pro' |
            Register-MayarCustomer -Name 'Rina' -Email 'rina.tier@example.com' -Mobile '08123456789' -MonthlyPeriod 1

        $registered.MembershipTierId | Should -Be $script:proTierId
    }

    It 'a product that is no membership product is a non-terminating Mayar.NotFound' {
        Get-MayarMembershipTier -ProductId $script:emulator.SampleProductId -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
    }

    It 'refuses a product id that is no UUID, naming -ProductId, and sends nothing' {
        Get-MayarMembershipTier -ProductId 'nope' -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.InvalidArgument,*'
        $refused[0].Exception.Message | Should -BeLike '*-ProductId*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It '-MembershipTierId of <_> tab-completes the product''s tiers' -ForEach @('Register-MayarCustomer', 'Get-MayarCreditBalance') {
        $line = "$_ -ProductId $script:membershipProductId -MembershipTierId "
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completion.CompletionMatches.CompletionText | Should -Be @('d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70', $script:proTierId, $script:basicTierId)
        ($completion.CompletionMatches | Where-Object CompletionText -eq $script:proTierId).ToolTip | Should -Be 'Pro'
    }

    It 'completes by the start of a tier''s name' {
        $line = "Register-MayarCustomer -ProductId $script:membershipProductId -MembershipTierId Ba"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @($script:basicTierId)
    }

    It 'offers nothing, and writes no error, without a connection' {
        Disconnect-Mayar
        $line = "Register-MayarCustomer -ProductId $script:membershipProductId -MembershipTierId "
        $before = $Error.Count

        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Where-Object ResultType -eq 'ParameterValue').Count | Should -Be 0
        $Error.Count | Should -Be $before
    }
}
