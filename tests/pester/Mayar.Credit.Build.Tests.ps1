# Building one configuration must not disturb the other's module (issue 9): each configuration stages at
# out/<Configuration>/Mayar.Credit/ and packs to out/<Configuration>/package/. This file builds
# src/Mayar.Credit in the configuration NOT under test (so needs the .NET SDK; about half a minute) and checks
# that the staged module and Gallery package of the configuration under test are untouched and consistent.
# Run with: ./build.ps1 -Task Test   (or -Configuration Release: the other configuration is then Debug)

BeforeAll {
    $script:root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    $script:configuration = 'Debug'
    if ($env:MAYAR_CREDIT_CONFIGURATION) {
        $script:configuration = $env:MAYAR_CREDIT_CONFIGURATION
    }

    $script:other = 'Release'
    if ($script:configuration -eq 'Release') {
        $script:other = 'Debug'
    }

    $script:version = (Import-PowerShellDataFile -Path (Join-Path $script:root 'Mayar.Credit.psd1')).ModuleVersion
    Add-Type -AssemblyName 'System.IO.Compression', 'System.IO.Compression.FileSystem'

    function Get-StagedFolder {
        param([string] $Configuration)
        Join-Path $script:root "out/$Configuration/Mayar.Credit"
    }

    function Get-PackageFile {
        param([string] $Configuration)
        Join-Path $script:root "out/$Configuration/package/Mayar.Credit.$script:version.nupkg"
    }

    # Relative path (with /) to SHA-256 of every file under a folder.
    function Get-FolderHash {
        param([string] $Path)
        $hashes = @{}
        $prefix = (Resolve-Path -LiteralPath $Path).Path.TrimEnd('/', '\').Length + 1
        foreach ($file in Get-ChildItem -LiteralPath $Path -Recurse -File) {
            $hashes[$file.FullName.Substring($prefix).Replace('\', '/')] = (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash
        }

        $hashes
    }

    # Entry name to SHA-256 of every module file in a package (NuGet's own parts left out).
    function Get-PackageHash {
        param([string] $Path)
        $hashes = @{}
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            foreach ($entry in $zip.Entries) {
                $name = $entry.FullName
                if ($name -eq '[Content_Types].xml' -or $name -eq 'Mayar.Credit.nuspec' -or $name -like '_rels/*' -or $name -like 'package/*') {
                    continue
                }

                $stream = $entry.Open()
                try {
                    $hashes[$name] = (Get-FileHash -InputStream $stream -Algorithm SHA256).Hash
                }
                finally {
                    $stream.Dispose()
                }
            }
        }
        finally {
            $zip.Dispose()
        }

        $hashes
    }

    # Two hashtables as sorted "name hash" lines, so Should -Be shows what differs.
    function ConvertTo-HashLine {
        param([hashtable] $Hash)
        @($Hash.Keys | Sort-Object | ForEach-Object { "$_ $($Hash[$_])" })
    }

    $script:stagedFolder = Get-StagedFolder -Configuration $script:configuration
    $script:packageFile = Get-PackageFile -Configuration $script:configuration
    foreach ($path in $script:stagedFolder, $script:packageFile) {
        if (-not (Test-Path -LiteralPath $path)) {
            throw "$path is not built: run ./build.ps1 -Task Test -Configuration $script:configuration (or dotnet build -c $script:configuration) first."
        }
    }

    $script:stagedBefore = Get-FolderHash -Path $script:stagedFolder
    $script:packageBefore = (Get-FileHash -LiteralPath $script:packageFile -Algorithm SHA256).Hash

    # The other configuration, built as a developer would (dotnet run -c Release of the benchmark, dotnet pack -c Release...).
    $project = Join-Path $script:root 'src/Mayar.Credit/Mayar.Credit.csproj'
    $script:otherBuildOutput = & dotnet build $project --configuration $script:other --nologo --disable-build-servers 2>&1 | ForEach-Object { "$_" }
    $script:otherBuildExitCode = $LASTEXITCODE
}

Describe 'Building the other configuration' {
    It 'succeeds' {
        $script:otherBuildExitCode | Should -Be 0 -Because ($script:otherBuildOutput | Select-Object -Last 20 | Out-String)
    }

    It 'stages and packs that configuration in its own folders' {
        Join-Path (Get-StagedFolder -Configuration $script:other) 'Mayar.Credit.psd1' | Should -Exist
        Get-PackageFile -Configuration $script:other | Should -Exist
        $built = Join-Path $script:root "src/Mayar.Credit/bin/$script:other/netstandard2.0/Mayar.Credit.Client.dll"
        $staged = Join-Path (Get-StagedFolder -Configuration $script:other) 'Desktop/Mayar.Credit.Client.dll'
        (Get-FileHash -LiteralPath $staged).Hash | Should -Be (Get-FileHash -LiteralPath $built).Hash
    }
}

Describe 'The staged module and package of the configuration under test, after the other was built' {
    It 'the staged module folder is unchanged' {
        ConvertTo-HashLine -Hash (Get-FolderHash -Path $script:stagedFolder) | Should -Be (ConvertTo-HashLine -Hash $script:stagedBefore)
    }

    It 'the package is unchanged' {
        (Get-FileHash -LiteralPath $script:packageFile -Algorithm SHA256).Hash | Should -Be $script:packageBefore
    }

    It 'the package holds exactly the staged files, byte for byte' {
        ConvertTo-HashLine -Hash (Get-PackageHash -Path $script:packageFile) | Should -Be (ConvertTo-HashLine -Hash (Get-FolderHash -Path $script:stagedFolder))
    }

    It 'the staged assemblies are that configuration''s build output' {
        foreach ($name in 'Mayar.Credit.dll', 'Mayar.Credit.Client.dll') {
            $built = Join-Path $script:root "src/Mayar.Credit/bin/$script:configuration/netstandard2.0/$name"
            (Get-FileHash -LiteralPath (Join-Path $script:stagedFolder "Desktop/$name")).Hash | Should -Be (Get-FileHash -LiteralPath $built).Hash -Because $name
        }
    }
}
