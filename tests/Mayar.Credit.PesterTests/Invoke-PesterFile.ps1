# Runs one Pester file for the xunit project (PesterFileTests): imports Pester from the given path, runs the file
# with -PassThru, and writes what the xunit test reports as JSON: the counts and each failure's name and message.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ($PSVersionTable.PSVersion.Major -ge 7) {
    $PSStyle.OutputRendering = 'PlainText'
}

Import-Module -Name $PesterModule -Force
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config

function Get-ErrorText {
    param($Records)
    @($Records | ForEach-Object { "$($_.Exception.Message)" }) -join "`n"
}

$failures = @(
    foreach ($test in $result.Failed) {
        [pscustomobject]@{ Name = $test.ExpandedPath; Message = Get-ErrorText $test.ErrorRecord }
    }
    foreach ($block in $result.FailedBlocks) {
        [pscustomobject]@{ Name = "$($block.ExpandedPath) (block)"; Message = Get-ErrorText $block.ErrorRecord }
    }
    foreach ($container in $result.FailedContainers) {
        [pscustomobject]@{ Name = "$($container.Item) (file)"; Message = Get-ErrorText $container.ErrorRecord }
    }
)

[pscustomobject]@{
    Passed   = $result.PassedCount
    Failed   = $result.FailedCount
    Skipped  = $result.SkippedCount
    NotRun   = $result.NotRunCount
    Total    = $result.TotalCount
    Failures = $failures
} | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $ResultFile -Encoding utf8
