<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the BackupQuery module.

.DESCRIPTION
    The module folder out/BackupQuery is laid out by MSBuild (tools/BackupQuery.ModuleLayout): any `dotnet build` of the
    solution writes it. This script is the task runner around that build.

    -Task Build    dotnet build of tools/BackupQuery.ModuleLayout, which builds src/BackupQuery and lays the module out
                   in out/BackupQuery from an allow-list: the manifest (ModuleVersion from Directory.Build.props,
                   ReleaseNotes from CHANGELOG.md), the assemblies, the format and types files, LICENSE, and the help
                   generated from docs/ (en-US/BackupQuery.dll-Help.xml and en-US/about_BackupQuery.help.txt).
    -Task Layout   lays out the module, as Build does, from assemblies already built in -AssemblyDirectory.
    -Task Test     dotnet test of the solution: xunit, the hosted PowerShell tests and the Pester suite (run inside
                   the hosted engine).
    -Task Pester   Build, then Invoke-Pester tests/Pester in a fresh process of this engine (found through $PSHOME:
                   pwsh, the dotnet-tool pwsh, or Windows PowerShell 5.1) against out/BackupQuery. Pester comes from
                   NuGet (its version is PesterVersion in Directory.Build.props), restored by the test project.
    -Task Package  Build in Release, then Pack.
    -Task Pack     packs the module folder already laid out (-ModuleDirectory, default out/BackupQuery) into
                   -PackageDirectory (default out/): BackupQuery-<version>.zip and BackupQuery.<version>.nupkg. The
                   nupkg is made by PSResourceGet's Publish-PSResource (PowerShell 7.4+ ships it); without it, as in
                   Windows PowerShell 5.1 by default, Pack writes the zip only and says so.
    -Task Demo     Build, then tools/Demo.ps1: start the emulator on http://127.0.0.1:5080, import the module from
                   out/, run a short tour of the cmdlets, and stop the emulator.
    -Task Session  Build, then tools/Write-ReadmeSession.ps1: the same emulator and module, running the README's session
                   commands and writing what they print into README.md between its session markers.

    Run it in a new process (pwsh ./build.ps1 ...): the Demo task imports the built module into the session it runs
    in, and a loaded module's assembly cannot be replaced until that session ends.

.EXAMPLE
    pwsh ./build.ps1
.EXAMPLE
    pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Layout', 'Test', 'Pester', 'Package', 'Pack', 'Demo', 'Session')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Layout only: the folder that holds the built BackupQuery.dll and its dependencies.
    [string] $AssemblyDirectory,

    # Build and Layout: where the module folder goes; Pack: the folder it packs (default out/BackupQuery).
    [string] $ModuleDirectory,

    # Package and Pack: where the zip and the .nupkg go (default out/).
    [string] $PackageDirectory
)

$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out'
$ModuleDir = if ($ModuleDirectory) { [System.IO.Path]::GetFullPath($ModuleDirectory) } else { Join-Path $OutDir 'BackupQuery' }
$PackageDir = if ($PackageDirectory) { [System.IO.Path]::GetFullPath($PackageDirectory) } else { $OutDir }
$LayoutProject = Join-Path $Root 'tools/BackupQuery.ModuleLayout/BackupQuery.ModuleLayout.csproj'

# ------------------------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------------------------

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    Write-Host ">> $FilePath $($ArgumentList -join ' ')" -ForegroundColor Cyan
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "$FilePath exited with code $LASTEXITCODE." }
}

# A property of Directory.Build.props (Version, PesterVersion): the one place each is written.
function Get-BuildProperty {
    param([string] $Name)
    $props = [xml](Get-Content -LiteralPath (Join-Path $Root 'Directory.Build.props') -Raw)
    $value = @($props.Project.PropertyGroup | ForEach-Object { $_.$Name } | Where-Object { $_ }) | Select-Object -First 1
    if (-not $value) { throw "Directory.Build.props has no <$Name>." }
    return [string]$value
}

function Get-ProjectVersion { Get-BuildProperty 'Version' }

# The engine this script runs in, as a command line for a fresh process of it. Found through $PSHOME, not the process
# path: under the dotnet tool the process is dotnet itself.
function Get-EngineCommand {
    $isWindowsOs = [System.IO.Path]::DirectorySeparatorChar -eq '\'
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return @(Join-Path $PSHOME 'powershell.exe') }
    $native = Join-Path $PSHOME $(if ($isWindowsOs) { 'pwsh.exe' } else { 'pwsh' })
    if (Test-Path -LiteralPath $native) { return @($native) }
    return @('dotnet', (Join-Path $PSHOME 'pwsh.dll'))
}

# Pester from NuGet: the test project downloads it (PackageDownload); restoring that project puts it in the NuGet
# packages folder, from which it is imported by path. No gallery is involved.
function Get-PesterManifestPath {
    $version = Get-BuildProperty 'PesterVersion'
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/BackupQuery.PowerShell.Tests/BackupQuery.PowerShell.Tests.csproj'), '--nologo', '-v', 'q')
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
        $packages = ($line -replace '^\s*global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $version was not restored to $manifest." }
    return $manifest
}

# ------------------------------------------------------------------------------------------------------------------
# Tasks
# ------------------------------------------------------------------------------------------------------------------

# The layout project's build: src/BackupQuery first (unless -NoDependencies), then the module folder.
function Invoke-Layout {
    param([string] $Configuration, [string] $AssemblyDirectory, [switch] $NoDependencies)
    $loaded = Get-Module BackupQuery | Where-Object { $_.Path -and $_.Path.StartsWith($ModuleDir, [System.StringComparison]::OrdinalIgnoreCase) }
    if ($loaded) { throw "BackupQuery is loaded from $ModuleDir in this session; run the build in a new one (pwsh ./build.ps1)." }
    $arguments = @('build', $LayoutProject, '-c', $Configuration, '--nologo', "-p:ModuleDirectory=$($ModuleDir.TrimEnd('\', '/'))")
    if ($AssemblyDirectory) { $arguments += "-p:ModuleAssemblyDirectory=$([System.IO.Path]::GetFullPath($AssemblyDirectory).TrimEnd('\', '/'))" }
    if ($NoDependencies) { $arguments += '--no-dependencies' }
    Invoke-Native dotnet $arguments
}

function Invoke-Build {
    param([string] $Configuration)
    Invoke-Layout -Configuration $Configuration
    Write-Host "Built BackupQuery $(Get-ProjectVersion) ($Configuration) in $ModuleDir" -ForegroundColor Green
}

function Invoke-Test {
    param([string] $Configuration)
    # The solution's tests include the hosted PowerShell tests and the Pester suite (run inside the hosted engine).
    Invoke-Native dotnet @('test', (Join-Path $Root 'BackupQuery.PowerShell.sln'), '-c', $Configuration, '--nologo')
}

# tests/Pester in a fresh process of this engine (no profile, nothing loaded from this session), the module imported
# by path from out/. The emulator runs as its own process there (TestHelpers.ps1 starts it).
function Invoke-PesterSuite {
    param([string] $Configuration)
    $pester = Get-PesterManifestPath
    Invoke-Build -Configuration $Configuration
    Invoke-Native dotnet @('build', (Join-Path $Root 'src/BackupQuery.Emulator/BackupQuery.Emulator.csproj'), '-c', $Configuration, '--nologo', '-v', 'q')
    $env:BACKUPQUERY_MODULE = Join-Path $ModuleDir 'BackupQuery.psd1'
    $env:BACKUPQUERY_EMULATOR = Join-Path $Root "src/BackupQuery.Emulator/bin/$Configuration/net8.0/BackupQuery.Emulator.dll"
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $Root 'tests/Pester')'
`$config.Run.Exit = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$(Join-Path $OutDir 'pester-results.xml')'
Invoke-Pester -Configuration `$config
"@
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($command))
    $engine = @(Get-EngineCommand)
    $arguments = @($engine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded)
    Invoke-Native $engine[0] $arguments
}

function Invoke-Package {
    Invoke-Build -Configuration Release
    Invoke-Pack
}

# The laid-out module folder as a zip and, where PSResourceGet is available, as a .nupkg.
function Invoke-Pack {
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleDir 'BackupQuery.psd1'))) { throw "No module laid out at $ModuleDir; run build.ps1 -Task Build first." }
    $version = Get-ProjectVersion
    New-Item -ItemType Directory -Path $PackageDir -Force | Out-Null

    $zip = Join-Path $PackageDir "BackupQuery-$version.zip"
    if (Test-Path $zip) { Remove-Item $zip -Force }
    # The zip holds the BackupQuery folder itself: unzip it into a $env:PSModulePath folder.
    Compress-Archive -Path $ModuleDir -DestinationPath $zip
    Write-Host "Packaged $zip" -ForegroundColor Green

    $psResourceGet = Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $psResourceGet) {
        Write-Warning ("Wrote the zip only: the .nupkg needs PowerShell 7.4+ (pwsh, or dotnet pwsh after dotnet tool restore), " +
            "or Microsoft.PowerShell.PSResourceGet installed in this PowerShell $($PSVersionTable.PSVersion).")
        return
    }
    Import-Module -ModuleInfo $psResourceGet -ErrorAction Stop
    Write-NuGetPackage -Destination $PackageDir
}

# PSResourceGet's own Publish-PSResource makes the .nupkg (its nuspec, from the manifest, is what Install-PSResource
# and Save-PSResource read back), published into a throwaway local file repository: a unique name, registered only
# for this call and unregistered in any case, so the user's repositories are left as they were.
function Write-NuGetPackage {
    param([string] $Destination)
    $name = 'BackupQueryPack' + [guid]::NewGuid().ToString('N')
    $feed = Join-Path ([System.IO.Path]::GetTempPath()) $name
    New-Item -ItemType Directory -Path $feed -Force | Out-Null
    try {
        Register-PSResourceRepository -Name $name -Uri $feed -Trusted
        Publish-PSResource -Path $ModuleDir -Repository $name
        $nupkg = @(Get-ChildItem -LiteralPath $feed -Filter '*.nupkg')
        if ($nupkg.Count -ne 1) { throw "Publish-PSResource wrote $($nupkg.Count) packages to $feed, not one." }
        $target = Join-Path $Destination $nupkg[0].Name
        Copy-Item -LiteralPath $nupkg[0].FullName -Destination $target -Force
        Write-Host "Packaged $target" -ForegroundColor Green
    }
    finally {
        Unregister-PSResourceRepository -Name $name -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $feed -Recurse -Force -ErrorAction SilentlyContinue
    }
}

switch ($Task) {
    'Build' { Invoke-Build -Configuration $Configuration }
    'Layout' {
        if (-not $AssemblyDirectory -or -not (Test-Path -LiteralPath $AssemblyDirectory)) { throw "No built assemblies at '$AssemblyDirectory'." }
        Invoke-Layout -Configuration $Configuration -AssemblyDirectory $AssemblyDirectory -NoDependencies
    }
    'Test' { Invoke-Test -Configuration $Configuration }
    'Pester' { Invoke-PesterSuite -Configuration $Configuration }
    'Package' { Invoke-Package }
    'Pack' { Invoke-Pack }
    'Demo' {
        Invoke-Build -Configuration $Configuration
        & (Join-Path $Root 'tools/Demo.ps1') -Module (Join-Path $ModuleDir 'BackupQuery.psd1') -Configuration $Configuration
    }
    'Session' {
        Invoke-Build -Configuration $Configuration
        & (Join-Path $Root 'tools/Write-ReadmeSession.ps1') -Module (Join-Path $ModuleDir 'BackupQuery.psd1') -Configuration $Configuration
    }
}
