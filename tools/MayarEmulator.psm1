# Starts and stops the Mayar emulator as a child process, for build.ps1 -Task Demo and the Pester tests.
# The emulator binds to a free 127.0.0.1 port and writes its address, key and ids to a ready file.

function Start-MayarEmulator {
    <#
    .SYNOPSIS
        Starts the built emulator on a free 127.0.0.1 port and returns its address, key and sample ids.
    .EXAMPLE
        $emulator = Start-MayarEmulator -Root . -Configuration Debug
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [ValidateSet('Debug', 'Release')]
        [string] $Configuration = 'Debug',

        [string] $ApiKey = 'mayar-emulator-key',

        [int] $StartTimeoutSec = 60
    )

    $dll = Join-Path $Root "src/Mayar.Credit.Emulator/bin/$Configuration/net10.0/Mayar.Credit.Emulator.dll"
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "The emulator is not built ($dll): run 'dotnet build' at the repository root first."
    }

    if (-not $PSCmdlet.ShouldProcess($dll, 'Start the Mayar emulator on 127.0.0.1')) {
        return
    }

    $base = Join-Path ([System.IO.Path]::GetTempPath()) ('mayar-emulator-' + [guid]::NewGuid().ToString('N'))
    $readyFile = "$base.json"
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--api-key', $ApiKey, '--ready-file', $readyFile) |
        ForEach-Object { '"' + $_ + '"' }
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput "$base.out" -RedirectStandardError "$base.err"

    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    while (-not (Test-Path -LiteralPath $readyFile)) {
        if ($process.HasExited) {
            $errorText = Get-Content -LiteralPath "$base.err" -Raw -ErrorAction SilentlyContinue
            throw "The emulator exited before it was ready: $errorText"
        }

        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The emulator did not start within $StartTimeoutSec seconds."
        }

        Start-Sleep -Milliseconds 100
    }

    $info = Get-Content -LiteralPath $readyFile -Raw | ConvertFrom-Json
    [pscustomobject]@{
        Process          = $process
        BaseUrl          = [string]$info.baseUrl
        ApiKey           = [string]$info.apiKey
        ProductId        = [string]$info.productId
        SampleProductId  = [string]$info.sampleProductId
        SampleCustomerId = [string]$info.sampleCustomerId
        FilePrefix       = $base
    }
}

function Stop-MayarEmulator {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-MayarEmulator and removes its temporary files.
    .EXAMPLE
        Stop-MayarEmulator -Emulator $emulator
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Emulator
    )

    if (-not $PSCmdlet.ShouldProcess("emulator process $($Emulator.Process.Id)", 'Stop')) {
        return
    }

    if (-not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }

    Remove-Item -Path "$($Emulator.FilePrefix).*" -Force -ErrorAction SilentlyContinue
}

function Invoke-MayarEmulatorAdmin {
    <#
    .SYNOPSIS
        Calls one of the emulator's test endpoints under /_emulator/ (reset, faults, requests, latency, ...).
    .EXAMPLE
        Invoke-MayarEmulatorAdmin -Emulator $emulator -Method Post -Path 'reset'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Emulator,

        [ValidateSet('Get', 'Post', 'Put', 'Delete')]
        [string] $Method = 'Get',

        [Parameter(Mandatory)]
        [string] $Path,

        [object] $Body
    )

    $request = @{ Method = $Method; Uri = $Emulator.BaseUrl + '/_emulator/' + $Path.TrimStart('/') }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 10
        $request.ContentType = 'application/json'
    }

    # Enumerate arrays the same way on Windows PowerShell 5.1 (which returns them as one object) and 7.
    Invoke-RestMethod @request | ForEach-Object { $_ }
}

Export-ModuleMember -Function 'Start-MayarEmulator', 'Stop-MayarEmulator', 'Invoke-MayarEmulatorAdmin'
