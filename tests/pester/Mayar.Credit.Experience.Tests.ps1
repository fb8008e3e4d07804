# The PowerShell experience (Pester 5): help, views, completion, tracing, -WhatIf/-Confirm, parameter sets,
# every ErrorId, pipeline chains, and importing the module in a fresh process.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    # The first non-blank line of Format-Table output, split into its column names.
    function Get-TableHeader {
        param([Parameter(ValueFromPipeline)] $InputObject)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            # Without ANSI styling, which PowerShell 7.2+ may put around table headers.
            $text = ($all | Format-Table | Out-String -Width 400) -replace "$([char]27)\[[0-9;]*m", ''
            $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
            @($lines[0].Trim() -split '\s+')
        }
    }

    # The property labels Format-List shows, in order.
    function Get-ListLabel {
        param([Parameter(ValueFromPipeline)] $InputObject)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            (($all | Format-List | Out-String -Width 400) -replace "$([char]27)\[[0-9;]*m", '') -split "`r?`n" |
                Where-Object { $_ -match '^(\w+)\s*:' } |
                ForEach-Object { $Matches[1] }
        }
    }

    # Runs a script in a new PowerShell process of the same edition, without profiles; returns its output lines.
    function Invoke-FreshPowerShell {
        param([string] $Script)
        $executable = $script:powerShellExecutable
        $leading = $script:powerShellArguments
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($Script))
        $output = & $executable @leading -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }

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

Describe 'Tracing' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It '-Verbose writes exactly one line per request, with method, path, status and milliseconds' {
        $rows = Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'members.csv')
        $verbose = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
                ForEach-Object { $_.Message } |
                Where-Object { $_ -match ' -> ' })
        $verbose.Count | Should -Be 3
        $verbose | ForEach-Object { $_ | Should -Match '^POST /credit/v1/credit/credit-usage/customer/regist -> 200 \(\d+ ms\)$' }
    }

    It '-Verbose never shows the query string of a read' {
        $verbose = (Get-MayarCreditBalance @sample -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -Match 'GET /credit/v1/credit/customer/balance -> 200'
        $verbose.Contains('?') | Should -BeFalse
        $verbose | Should -Not -BeLike "*$($sample.CustomerId)*"
    }

    It 'debug output shows the bodies sent and received, masked, when $DebugPreference is Continue' {
        # $DebugPreference rather than -Debug: Windows PowerShell 5.1's -Debug asks before every line.
        $DebugPreference = 'Continue'
        $debug = (Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Debug Me' -Email 'debug.me@example.com' -Mobile '0812345678' 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n"
        $debug | Should -Match 'request body: \{.*"debug\.me@example\.com"'
        $debug | Should -Match 'response body: \{'
        $debug | Should -Not -BeLike ('*' + $script:emulator.ApiKey + '*')
    }

    It 'debug output follows $DebugPreference set in a <Caller>' -ForEach @(
        @{ Caller = 'script block' }
        @{ Caller = 'function' }
    ) {
        # The variable lives in a child scope the module's session state does not see; PowerShell's own
        # WriteDebug decision does, and so must the module's.
        function Get-DebugRecord {
            $DebugPreference = 'Continue'
            Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        }

        $records = @(if ($Caller -eq 'function') {
                Get-DebugRecord
            }
            else {
                & {
                    $DebugPreference = 'Continue'
                    Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
                }
            })

        $records.Count | Should -BeGreaterThan 0
        ($records | ForEach-Object { $_.Message }) -join "`n" | Should -Match 'response body: \{'
    }

    It '-Debug alone under pwsh -NonInteractive writes debug lines, with no prompt and no error' {
        # PowerShell gives a compiled cmdlet called with -Debug (and not -Verbose) a verbose preference of Inquire:
        # each verbose line would be a prompt, and an error where no one can answer.
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:manifest)'
`$key = ConvertTo-SecureString '$($script:emulator.ApiKey)' -AsPlainText -Force
`$connection = Connect-Mayar -ApiKey `$key -BaseUri '$($script:emulator.BaseUrl)' -RequestsPerMinute 0 -PassThru -Debug 5>&1 | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] }
`$out = Get-MayarCreditBalance -CustomerId '$($script:emulator.SampleCustomerId)' -ProductId '$($script:emulator.SampleProductId)' -Debug 5>&1
foreach (`$item in @(`$connection) + @(`$out)) {
    if (`$item -is [System.Management.Automation.DebugRecord]) { 'debug: ' + (`$item.Message -split "``n")[0] } else { 'object: ' + `$item.GetType().Name }
}
"@
        $result = Invoke-FreshPowerShell -Script $script
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Not -Match 'NonInteractive|Continue with this operation'
        $result.Output | Should -Contain 'object: CreditBalance'
        @($result.Output | Where-Object { $_ -like 'debug: Connected: *' }).Count | Should -Be 1
        @($result.Output | Where-Object { $_ -like 'debug: Using Mayar *' }).Count | Should -Be 1
        @($result.Output | Where-Object { $_ -match '^debug: GET /credit/v1/credit/customer/balance -> 200 \(\d+ ms\)$' }).Count | Should -Be 1
    }

    It '-Debug with -Verbose keeps the verbose lines on the verbose stream' {
        $records = @(Get-MayarCreditBalance @sample -Debug -Verbose 4>&1 5>&1 | Where-Object { $_ -isnot [Mayar.Credit.Client.CreditBalance] })
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' -> 200' }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'response body:' }).Count | Should -Be 1
    }

    It 'writes no debug output by default' {
        $DebugPreference = 'SilentlyContinue'
        @(Get-MayarCreditBalance @sample 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }
}

Describe 'Pipeline chains' {
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'creates customer records from CSV rows, binding CSV headers through aliases' {
        $rows = @(
            [pscustomobject]@{ CustomerName = 'Alias One'; EmailAddress = 'alias.one@example.com'; PhoneNumber = '0812-111-222'; CountryCode = 'id' }
            [pscustomobject]@{ FullName = 'Alias Two'; CustomerEmail = 'alias.two@example.com'; Mobile = '0812 333 444'; custom_data = @{ tier = 'silver' } }
        )
        $customers = @($rows | New-MayarCustomer)
        $customers.Count | Should -Be 2
        $customers[0].Country | Should -Be 'ID'
        $customers[0].Phone | Should -Be '0812111222'
        $customers[1].CustomData['tier'] | Should -Be 'silver'
    }

    It 'reads balances from rows with snake_case headers' {
        $balance = [pscustomobject]@{ customer_id = $sample.CustomerId; product_id = $sample.ProductId } | Get-MayarCreditBalance
        $balance.Balance | Should -Be 30001
    }

    It 'carries on past failed rows, and the failures can be retried on their own' {
        $rows = @(
            [pscustomobject]@{ Name = 'First'; Email = 'first@example.com'; Mobile = '0812345601' }
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Third'; Email = 'third@example.com'; Mobile = '0812345603' }
        )
        $done = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorVariable failures -ErrorAction SilentlyContinue |
                Get-MayarCreditBalance)
        $done.Count | Should -Be 2
        $failures.Count | Should -Be 1

        # The failed row is the error's target: fix it and send just that one.
        $retry = $failures[0].TargetObject
        $retry.Email = 'bad.fixed@example.com'
        ($retry | Register-MayarCustomer -ProductId $script:emulator.ProductId).Email | Should -Be 'bad.fixed@example.com'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        $rows = @(
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Never'; Email = 'never@example.com'; Mobile = '0812345603' }
        )
        { $rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ErrorAction Stop } | Should -Throw -ErrorId 'Mayar.InvalidArgument,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }
}

Describe '-ThrottleLimit' {
    # Reset-Emulator also puts the latency back to none.
    BeforeEach {
        Reset-Emulator
        Connect-Emulator
    }

    It 'registers rows with requests overlapping and writes the results in input order' {
        Invoke-MayarEmulatorAdmin -Emulator $script:emulator -Method Put -Path 'latency' -Body @{ minMs = 100; maxMs = 100 } | Out-Null
        $rows = 1..16 | ForEach-Object { [pscustomobject]@{ Name = "Throttle $_"; Email = "throttle.$_@example.com"; Mobile = '0812345678' } }
        # Overlap itself is measured by the xunit tests and the benchmark; here, order and completeness.
        $registered = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 8)
        $registered.Email | Should -Be $rows.Email
        @(Get-EmulatorRequest).Count | Should -Be 16
    }

    It 'keeps errors attached to their rows and in order' {
        $rows = @(
            [pscustomobject]@{ Name = 'One'; Email = 'one.t@example.com'; Mobile = '0812345601' }
            [pscustomobject]@{ Name = 'Bad'; Email = 'bad@'; Mobile = '0812345602' }
            [pscustomobject]@{ Name = 'Three'; Email = 'three.t@example.com'; Mobile = '0812345603' }
        )
        $results = @($rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Email | Should -Be @('one.t@example.com', 'three.t@example.com')
        $failures.Count | Should -Be 1
        $failures[0].TargetObject.Email | Should -Be 'bad@'
    }

    It 'still honours -WhatIf for every row' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Name = "WhatIf $_"; Email = "whatif.$_@example.com"; Mobile = '0812345678' } }
        $rows | Register-MayarCustomer -ProductId $script:emulator.ProductId -ThrottleLimit 4 -WhatIf | Should -BeNullOrEmpty
        $rows | New-MayarCustomer -ThrottleLimit 4 -WhatIf | Should -BeNullOrEmpty
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses a limit outside 1 to 64 at binding' {
        { Get-MayarCreditBalance @sample -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-MayarCreditBalance @sample -ThrottleLimit 65 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'traces every request with -Verbose from the pipeline thread' {
        $queries = 1..6 | ForEach-Object { [pscustomobject]$sample }
        $output = @($queries | Get-MayarCreditBalance -ThrottleLimit 3 -Verbose 4>&1)
        @($output | Where-Object { $_ -is [Mayar.Credit.Client.CreditBalance] }).Count | Should -Be 6
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' -> 200 ' }).Count | Should -Be 6
    }
}
