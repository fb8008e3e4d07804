# Get-MayarMember (Pester 5) against the emulator's sample membership product: the list (typed from the API's
# dotted keys), -Status, one member by id, paging, and a member piped into Get-MayarCreditBalance.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    # The emulator's sample membership product, its Basic tier and its two sample members (EmulatorOptions).
    $script:membershipProductId = '7c1e6a52-3f0d-4b8e-9a61-5d2f8e4b7a10'
    $script:basicTierId = 'b3f4c2d1-8e7a-4c6b-9d5e-1a2b3c4d5e6f'
    $script:sampleMemberId = '3SCDI9ZQ'
    $script:inactiveMemberId = 'K7QX2D4M'
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Get-MayarMember' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'lists the members with the customer and tier read from the dotted keys' {
        $members = @(Get-MayarMember -ProductId $script:membershipProductId)

        $members.MemberId | Should -Be @($script:sampleMemberId, $script:inactiveMemberId)
        $members[0] | Should -BeOfType 'Mayar.Credit.Client.MayarMember'
        $members[0].MembershipTierName | Should -Be 'Basic'
        $members[0].Email | Should -Not -BeNullOrEmpty
        $members[0].CustomerId | Should -Be '5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30'
    }

    It 'keeps the members of one -Status' {
        (Get-MayarMember $script:membershipProductId -Status inactive).MemberId | Should -Be $script:inactiveMemberId
        (Get-EmulatorRequest)[-1].query | Should -BeLike '*status=inactive*'
    }

    It 'reads one member by id, with IsInTrial' {
        $member = Get-MayarMember $script:membershipProductId -MemberId $script:sampleMemberId.ToLowerInvariant()

        $member.MemberId | Should -Be $script:sampleMemberId
        $member.IsInTrial | Should -BeFalse
        (Get-EmulatorRequest)[-1].path | Should -Be "/hl/v2/memberships/members/$($script:sampleMemberId)"
    }

    It 'an id the product has no member with is Mayar.NotFound, and the next input goes on' {
        $rows = @(
            [pscustomobject]@{ ProductId = $script:membershipProductId; MemberId = 'ZZZZ9999' }
            [pscustomobject]@{ ProductId = $script:membershipProductId; MemberId = $script:sampleMemberId }
        )

        $found = @($rows | Get-MayarMember -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Mayar.NotFound,*'
        $failures[0].Exception.Message | Should -BeLike '*Member dengan ID ZZZZ9999 tidak ditemukan.*'
        $found.MemberId | Should -Be @($script:sampleMemberId)
    }

    It 'asks for the next page only when the pipeline wants it' {
        1..3 | ForEach-Object {
            Register-MayarCustomer -ProductId $script:membershipProductId -MembershipTierId $script:basicTierId -MonthlyPeriod 1 -Name "Page $_" -Email "page.$_@example.com" -Mobile '08123456789' | Out-Null
        }
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Delete -Path 'requests' | Out-Null

        $first = @(Get-MayarMember $script:membershipProductId -First 2)

        $first.Count | Should -Be 2
        @(Get-EmulatorRequest).Count | Should -Be 1
    }

    It 'pipes a member into Get-MayarCreditBalance -MembershipTierId' {
        $balance = Get-MayarMember $script:membershipProductId -MemberId $script:sampleMemberId |
            Get-MayarCreditBalance -MembershipTierId $script:basicTierId

        $balance | Should -BeOfType 'Mayar.Credit.Client.CreditBalance'
        $balance.MembershipTierId | Should -Be $script:basicTierId
        $balance.CustomerId | Should -Be '5f0c2b7e-9a14-4d3c-b8e6-2c7a1d9f4e30'
    }

    It 'shows the member id and email whole in a table that fits 80 columns' {
        $lines = @((Get-MayarMember $script:membershipProductId | Out-String -Width 79) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 }
        $lines[2] | Should -Match "^$($script:sampleMemberId) "
    }
}
