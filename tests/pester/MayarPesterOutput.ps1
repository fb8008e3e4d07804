# Helpers that read what a command shows or writes: table headers, list labels, every stream as text, and a fresh
# PowerShell process's output. Dot-source it inside BeforeAll after MayarPesterSession.ps1.

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

# Everything a command writes to any stream, as text, warnings, verbose and debug lines included.
function Get-StreamText {
    param([scriptblock] $Command)
    $DebugPreference = 'Continue'
    $VerbosePreference = 'Continue'
    $WarningPreference = 'Continue'
    @(& $Command *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "$_ $($_.ErrorDetails)" } else { ($_ | Out-String -Width 200) } }) -join "`n"
}
