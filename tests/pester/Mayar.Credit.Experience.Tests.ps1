# The PowerShell experience (Pester 5): help, the about topic, importing the module in a fresh process, views,
# completion and the parameter sets of Connect-Mayar.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')
    . (Join-Path $PSScriptRoot 'MayarPesterOutput.ps1')

    $script:commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $script:manifest = Join-Path $script:root "out/$configuration/Mayar.Credit/Mayar.Credit.psd1"
}

AfterAll {
    Stop-MayarPesterSession
}

BeforeDiscovery {
    # Every cmdlet the source manifest exports gets the help tests.
    $script:exported = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../../Mayar.Credit.psd1')).CmdletsToExport |
        ForEach-Object { @{ Command = $_ } }
}

Describe 'Help for <Command>' -ForEach $script:exported {
    BeforeAll {
        # Script scope: PSScriptAnalyzer does not follow a BeforeAll variable into the It blocks.
        $script:help = Get-Help -Name $Command -Full
    }

    It 'has a written synopsis and description, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Command *"
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'shows at least two titled examples with code in Get-Help -Full' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            $example.title | Should -BeLike '*Example*'
            $example.code | Should -Not -BeNullOrEmpty
        }

        ($help | Out-String -Width 200) | Should -BeLike '*EXAMPLE 1*'
    }

    It 'documents every parameter, and documents no parameter the cmdlet lacks' {
        $cmdlet = Get-Command -Name $Command
        $actual = @($cmdlet.Parameters.Keys | Where-Object { $_ -notin $script:commonParameters } | Sort-Object)
        # A cmdlet with only common parameters has no 'parameter' list at all.
        $parameters = @(if ($help.parameters.PSObject.Properties['parameter']) { $help.parameters.parameter })
        $documented = @($parameters | ForEach-Object { $_.name })
        @($documented | Where-Object { $_ -notin $script:commonParameters } | Sort-Object) | Should -Be $actual

        # platyPS documents -WhatIf and -Confirm on the cmdlets that change state, and only there.
        $cmdlet.Parameters.ContainsKey('WhatIf') | Should -Be ($documented -contains 'WhatIf')
        $cmdlet.Parameters.ContainsKey('Confirm') | Should -Be ($documented -contains 'Confirm')
        foreach ($parameter in $parameters) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'links to related help' {
        @($help.relatedLinks.navigationLink).Count | Should -BeGreaterThan 0
    }
}

Describe 'The about topic' {
    It 'is staged beside the MAML help' {
        $module = Get-Module -Name Mayar.Credit
        $about = Join-Path $module.ModuleBase 'en-US/about_Mayar.Credit.help.txt'
        Test-Path -LiteralPath (Join-Path $module.ModuleBase 'en-US/Mayar.Credit.dll-Help.xml') | Should -BeTrue
        $text = Get-Content -LiteralPath $about -Raw
        $text | Should -BeLike '*about_Mayar.Credit*'
        $text | Should -BeLike '*Mayar.NotConnected*'
        $text | Should -BeLike '*RequestsPerMinute*'
    }
}

Describe 'A fresh PowerShell process' {
    It 'imports the module by path with no profile and runs a cmdlet' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:manifest)'
(Get-Command -Module Mayar.Credit).Count
Connect-Mayar -ApiKey (ConvertTo-SecureString '$($script:emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0
(Get-MayarCreditBalance -CustomerId '$($script:emulator.SampleCustomerId)' -ProductId '$($script:emulator.SampleProductId)').Balance
"@
        $result = Invoke-FreshPowerShell -Script $script
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $exported = @((Import-PowerShellDataFile -Path (Join-Path $script:root 'Mayar.Credit.psd1')).CmdletsToExport).Count
        $result.Output | Should -Be @("$exported", '30001')
    }

    It 'finds the module and its about topic by name once the folder is on PSModulePath' {
        $modules = Split-Path -Parent (Split-Path -Parent $script:manifest)
        $script = @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$modules' + [System.IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module Mayar.Credit
(Get-Help about_Mayar.Credit | Out-String) -match 'Mayar.NotConnected'
@((Get-Help Register-MayarCustomer -Examples).examples.example).Count -ge 2
"@
        $result = Invoke-FreshPowerShell -Script $script
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Be @('True', 'True')
    }
}

Describe 'Views' {
    BeforeAll {
        Reset-Emulator
        Connect-Emulator
    }

    It 'shows the connection as a table, its settings in the list, and never the key' {
        $connection = Get-MayarConnection
        $connection | Get-TableHeader | Should -Be @('Environment', 'ApiKeyHint', 'Source', 'BaseUri')
        $connection | Get-ListLabel | Should -Be @('Environment', 'BaseUri', 'ApiKeyHint', 'TimeoutSec', 'MaxRetries', 'RequestsPerMinute', 'Source', 'ConnectedAt')
        ($connection | Format-List | Out-String) | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'shows a registration as a table, and its product, name and mobile in the list' {
        $registered = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'View Table' -Email 'view.table@example.com' -Mobile '0812345678' -TrialCredit 10
        $registered | Get-TableHeader | Should -Be @('CustomerId', 'TrialCredit', 'Email')
        $registered | Get-ListLabel | Should -Be @('CustomerId', 'ProductId', 'Name', 'Email', 'Mobile', 'TrialCredit')
    }

    It 'shows a customer as a table, and every field in the list' {
        $customer = New-MayarCustomer -Name 'View List' -Email 'view.list@example.com' -City 'Bandung' -Country ID -Status active -CustomData @{ tier = 'gold' }
        $customer | Get-TableHeader | Should -Be @('Id', 'Status', 'Email')
        $customer | Get-ListLabel | Should -Be @('Id', 'Name', 'Email', 'Phone', 'City', 'Country', 'PaymentMethod', 'Status', 'CustomData', 'CreatedAt', 'UpdatedAt')
    }

    It 'shows a balance as a table, and its product in the list' {
        $balance = Get-MayarCreditBalance @sample
        $balance | Get-TableHeader | Should -Be @('CustomerId', 'Balance', 'MainBalance', 'AddonBalance')
        $balance | Get-ListLabel | Should -Be @('CustomerId', 'ProductId', 'Balance', 'MainBalance', 'AddonBalance', 'MembershipBalance', 'MembershipTierId', 'MemberId')
    }

    It 'reads well in string interpolation' {
        $balance = Get-MayarCreditBalance @sample
        "$balance" | Should -Be "30001 credit (main 29501, add-on 500) for customer $($sample.CustomerId) in product $($sample.ProductId)"
        $customer = New-MayarCustomer -Name 'Ani' -Email 'ani.string@example.com'
        "$customer" | Should -Be "Ani <ani.string@example.com> ($($customer.Id))"
        "$(Get-MayarConnection)" | Should -BeLike "Mayar Custom $($script:emulator.BaseUrl)/ (key *)"
    }
}

Describe 'Completion' {
    It 'completes -Environment with the documented environments' {
        $line = 'Connect-Mayar -Environment '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'Production'
        $completions | Should -Contain 'Sandbox'
    }

    It 'completes -Status of New-MayarCustomer' {
        $line = 'New-MayarCustomer -Status s'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('suspended')
    }
}

Describe 'Parameter sets of Connect-Mayar' {
    BeforeEach {
        Disconnect-Mayar
    }

    It 'uses the Environment set by default' {
        (Connect-Mayar -ApiKey $script:key -PassThru).Environment.ToString() | Should -Be 'Production'
        (Get-Command Connect-Mayar).DefaultParameterSet | Should -Be 'Environment'
    }

    It 'uses the BaseUri set for a custom address' {
        (Connect-Mayar -ApiKey $script:key -BaseUri $script:emulator.BaseUrl -PassThru).Environment.ToString() | Should -Be 'Custom'
    }

    It 'refuses -Environment and -BaseUri together at binding' {
        { Connect-Mayar -ApiKey $script:key -Environment Sandbox -BaseUri $script:emulator.BaseUrl } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }

    It 'refuses an unknown environment at binding' {
        { Connect-Mayar -ApiKey $script:key -Environment Staging } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'writes the forgotten connection with Disconnect-Mayar -PassThru' {
        Connect-Emulator
        $forgotten = Disconnect-Mayar -PassThru
        $forgotten | Should -BeOfType 'Mayar.Credit.MayarConnection'
        Get-MayarConnection | Should -BeNullOrEmpty
    }
}
