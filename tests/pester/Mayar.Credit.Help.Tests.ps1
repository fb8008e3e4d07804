# Help as people read it (Pester 5): every exported cmdlet's online page, plain parameter types for nullable
# parameters, and the about topic in an 80-column console. The cmdlets come from the imported module, so a cmdlet
# added later is checked too.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', 'exported', Justification = 'Set in BeforeDiscovery, read by the -ForEach of the tests.')]
param()

BeforeDiscovery {
    # The cases: the cmdlets the manifest exports (the first test checks the imported module exports the same).
    $exported = @((Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot '../../Mayar.Credit.psd1')).CmdletsToExport | Sort-Object)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    $script:module = Get-Module Mayar.Credit
    $script:projectUri = $script:module.ProjectUri.AbsoluteUri.TrimEnd('/')
    $script:cmdletNames = @($script:module.ExportedCmdlets.Keys | Sort-Object)

    # A Nullable<T> parameter's T, or $null.
    function Get-NullableArgument {
        param([type] $Type)
        [Nullable]::GetUnderlyingType($Type)
    }
}

AfterAll {
    Stop-MayarPesterSession
}

Describe 'Online help' {
    It 'the module exports the cmdlets the manifest names, and they are the cases below' {
        $script:cmdletNames.Count | Should -BeGreaterThan 10
        $script:cmdletNames | Should -Be @((Import-PowerShellDataFile -LiteralPath (Join-Path $script:root 'Mayar.Credit.psd1')).CmdletsToExport | Sort-Object)
        $script:projectUri | Should -BeLike 'https://*'
    }

    It '<_> links its page in the repository''s docs first, and Get-Command knows it' -ForEach $exported {
        $expected = '{0}/blob/main/docs/{1}.md' -f $script:projectUri, $_
        $links = @((Get-Help $_).relatedLinks.navigationLink)
        $links[0].linkText | Should -Be 'Online Version:'
        $links[0].uri | Should -BeExactly $expected
        (Get-Command $_).HelpUri | Should -BeExactly $expected
    }

    It 'Get-Help -Online opens the cmdlet''s page (a stand-in browser records what it is given)' -Skip:(-not $IsLinux) {
        # .NET opens a URI on Linux with xdg-open from PATH: a script of that name records it instead.
        $bin = Join-Path ([IO.Path]::GetTempPath()) ('mayar-browser-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $bin | Out-Null
        $record = Join-Path $bin 'opened.txt'
        Set-Content -LiteralPath (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s\n' `"`$@`" >> '$record'`n"
        & chmod +x (Join-Path $bin 'xdg-open')
        $savedPath = $env:PATH
        try {
            $env:PATH = $bin + [IO.Path]::PathSeparator + $env:PATH
            foreach ($name in $script:cmdletNames) {
                Get-Help $name -Online
            }

            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (@(Get-Content -LiteralPath $record -ErrorAction SilentlyContinue).Count -lt $script:cmdletNames.Count -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }

            $opened = @(Get-Content -LiteralPath $record | Sort-Object)
            $opened | Should -Be @($script:cmdletNames | ForEach-Object { '{0}/blob/main/docs/{1}.md' -f $script:projectUri, $_ } | Sort-Object)
        }
        finally {
            $env:PATH = $savedPath
            Remove-Item -LiteralPath $bin -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Parameter types in help' {
    It 'the module has nullable parameters to check (-TrialCredit, -Since)' {
        Get-NullableArgument (Get-Command Register-MayarCustomer).Parameters['TrialCredit'].ParameterType | Should -Be ([decimal])
        Get-NullableArgument (Get-Command Get-MayarCreditHistory).Parameters['Since'].ParameterType | Should -Be ([datetime])
    }

    It '<_> shows each nullable parameter as its plain type, in the syntax and the parameter''s help' -ForEach $exported {
        $name = $_
        $syntax = (Get-Help $name).syntax | Out-String -Width 4000
        $syntax | Should -Not -Match 'Nullable'
        foreach ($parameter in (Get-Command $name).Parameters.Values) {
            $plain = Get-NullableArgument $parameter.ParameterType
            if ($plain) {
                (Get-Help $name -Parameter $parameter.Name).type.name | Should -BeExactly $plain.Name -Because "-$($parameter.Name) of $name"
                ($syntax -replace '\s+', ' ') | Should -Match ([regex]::Escape("-$($parameter.Name) <$($plain.Name)>"))
            }
        }
    }
}

Describe 'The about topic' {
    It 'reads as plain text in an 80-column console: no line over 79, no table, no repository path' {
        $text = Get-Help about_Mayar.Credit | Out-String -Width 400
        $lines = @($text -split "`r?`n")
        $lines.Count | Should -BeGreaterThan 50
        foreach ($line in $lines) {
            $line.Length | Should -BeLessOrEqual 79 -Because "'$line'"
            $line | Should -Not -Match '^\s*\|' -Because 'a markdown table is not plain text'
            ($line -replace 'https?://\S+', '') | Should -Not -Match '(^|[\s(])(src|docs)/' -Because "a repository path means nothing to a user of the module: '$line'"
        }

        $text | Should -Match 'Connect-Mayar -ApiKey \(Get-Secret MayarApiKey\)'
        $text | Should -Match "Import-Csv members\.csv -Delimiter ';'"
    }
}
