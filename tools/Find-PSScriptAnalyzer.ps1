# Where PSScriptAnalyzer is (it is not on NuGet): the path of an installed one's manifest, else of the one the
# shared PowerShell build beside the repository carries (../shared/tools/pwsh); nothing when there is neither.
# Used by build.ps1 -Task Analyze and by the Gallery Pester tests.
param()

$installed = Get-Module -ListAvailable -Name PSScriptAnalyzer | Sort-Object -Property Version -Descending | Select-Object -First 1
if ($installed) {
    return $installed.Path
}

$shared = Join-Path $PSScriptRoot '../../shared/tools/pwsh/install'
if (Test-Path -LiteralPath $shared) {
    $launcher = & bash $shared
    if ($LASTEXITCODE -eq 0 -and $launcher) {
        Get-ChildItem -Path (Join-Path (Split-Path -Parent $launcher) 'publish/Modules/PSScriptAnalyzer/*/PSScriptAnalyzer.psd1') -ErrorAction SilentlyContinue |
            Sort-Object -Property { [version]$_.Directory.Name } -Descending |
            Select-Object -First 1 -ExpandProperty FullName
    }
}
