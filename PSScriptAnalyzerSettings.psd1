# PSScriptAnalyzer settings for every .ps1, .psm1 and .psd1 of the repository: `./build.ps1 -Task Analyze`
# runs Invoke-ScriptAnalyzer with them (bin/, obj/, out/ and node_modules/ skipped) and fails on any Warning or
# Error; Information findings are printed only.
#
# The rules: PSScriptAnalyzer's default set plus the PowerShell Gallery's. IncludeRules is left out on
# purpose, which runs every rule PSScriptAnalyzer runs without settings (Get-ScriptAnalyzerRule, less the
# configurable rules that are off unless enabled, such as formatting and compatibility). Every rule of the
# Gallery's preset (Settings/PSGallery.psd1 in the PSScriptAnalyzer module: PSUseApprovedVerbs,
# PSMissingModuleManifestField, PSAvoidUsingPlainTextForPassword, PSUsePSCredentialType, ...) is one of
# those defaults, so the union is the default set; tests/pester/Mayar.Credit.Gallery.Tests.ps1 checks that no
# Gallery rule is ever excluded here.
#
# No rule is excluded. Where a rule does not fit one piece of code (the emulator's well-known test key turned
# into a SecureString, Write-Host in the interactive demo, test helpers with state-changing verbs), that code
# carries a [Diagnostics.CodeAnalysis.SuppressMessageAttribute()] with its justification instead.
@{
    Severity     = @('Error', 'Warning', 'Information')
    ExcludeRules = @()
}
