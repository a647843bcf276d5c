<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the BackupQuery module.

.DESCRIPTION
    -Task Build    publishes src/BackupQuery and lays the module out in out/BackupQuery from an allow-list: the
                   manifest (ModuleVersion stamped from Directory.Build.props), the assemblies, the format file, and
                   the help generated from docs/ (en-US/BackupQuery.dll-Help.xml and en-US/about_BackupQuery.help.txt).
    -Task Layout   lays out out/BackupQuery, as Build does, from assemblies already built in -AssemblyDirectory
                   (the hosted PowerShell tests use it on the test build's output, so dotnet test needs nothing else).
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
    -Task Demo     Build, start the emulator on http://127.0.0.1:5080, import the module from out/, run a short tour
                   of the cmdlets, and stop the emulator.
    -Task Session  The same emulator and module, running the README's session commands ($SessionCommands) and writing
                   what they print into README.md between its session markers.

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

# What goes into the module folder, and nothing else. A new run-time dependency must be added here on purpose (and
# say why in its change); the build fails when the publish output holds an assembly that is on neither list.
$ModuleAssemblies = @('BackupQuery.dll', 'BackupQuery.Core.dll')
# System.Text.Json 8.0 and what it needs on .NET Framework (Windows PowerShell 5.1 loads them through the module's
# assembly resolver; PowerShell 7.4+ already has them and ignores these copies).
$DependencyAssemblies = @(
    'System.Text.Json.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Text.Encodings.Web.dll'
    'System.Memory.dll'
    'System.Buffers.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Numerics.Vectors.dll'
    'System.Threading.Tasks.Extensions.dll'
)
# In the publish output but deliberately not shipped (PowerShell provides it).
$ExcludedAssemblies = @('System.Management.Automation.dll')

$DemoUrl = 'http://127.0.0.1:5080'

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

function Write-Utf8File {
    param([string] $Path, [string] $Text)
    [System.IO.File]::WriteAllText($Path, $Text, (New-Object System.Text.UTF8Encoding $false))
}

# The CHANGELOG.md section of -Version (its '## [version]' heading up to the next '## '), for the manifest's
# ReleaseNotes: CHANGELOG.md stays the one place release notes are written.
function Get-ReleaseNotes {
    param([string] $Version)
    $lines = [System.IO.File]::ReadAllLines((Join-Path $Root 'CHANGELOG.md'))
    $start = -1
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($start -lt 0) {
            if ($lines[$i] -match ('^## \[' + [regex]::Escape($Version) + '\]')) { $start = $i }
        }
        elseif ($lines[$i] -match '^## ') { break }
    }
    if ($start -lt 0) { throw "CHANGELOG.md has no '## [$Version]' section: write one before building $Version." }
    $section = $lines[$start..($i - 1)] | Where-Object { $_ -notmatch '^\[[^\]]+\]: ' }
    return (($section -join "`n").Trim() -replace '^## \[([^\]]+)\]', '$1')
}

# ------------------------------------------------------------------------------------------------------------------
# Markdown (platyPS-style pages in docs/) to help: our own small converter, since platyPS is not available here.
# ------------------------------------------------------------------------------------------------------------------

# Reads a page into: Title (the '# ' heading) and Sections ('## ' headings, in order), each with its own Blocks and
# Subs ('### ' headings with their Blocks). A block is a line of text or a fenced code block.
function Read-HelpMarkdown {
    param([string] $Path)
    $lines = [System.IO.File]::ReadAllLines($Path)
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i].Trim() -ne '---') { $i++ }
        $i++
    }
    $doc = [pscustomobject]@{ Title = $null; Sections = New-Object System.Collections.Generic.List[object] }
    $section = $null
    $target = $null
    $inCode = $false
    $codeLang = ''
    $code = $null
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($inCode) {
            if ($line -match '^\s*```\s*$') {
                if ($null -ne $target) { $target.Add([pscustomobject]@{ Kind = 'code'; Lang = $codeLang; Text = ($code -join "`n") }) }
                $inCode = $false
            }
            else { $code.Add($line) }
            continue
        }
        if ($line -match '^\s*```(\w*)\s*$') {
            $inCode = $true
            $codeLang = $Matches[1]
            $code = New-Object System.Collections.Generic.List[string]
            continue
        }
        if ($line -match '^# (.+)$') { $doc.Title = $Matches[1].Trim(); continue }
        if ($line -match '^## (.+)$') {
            $section = [pscustomobject]@{ Name = $Matches[1].Trim(); Blocks = New-Object System.Collections.Generic.List[object]; Subs = New-Object System.Collections.Generic.List[object] }
            $doc.Sections.Add($section)
            $target = $section.Blocks
            continue
        }
        if ($line -match '^### (.+)$' -and $null -ne $section) {
            $sub = [pscustomobject]@{ Name = $Matches[1].Trim(); Blocks = New-Object System.Collections.Generic.List[object] }
            $section.Subs.Add($sub)
            $target = $sub.Blocks
            continue
        }
        if ($null -ne $target) { $target.Add([pscustomobject]@{ Kind = 'line'; Text = $line }) }
    }
    return $doc
}

function Get-HelpSection {
    param($Doc, [string] $Name)
    foreach ($s in $Doc.Sections) { if ($s.Name -eq $Name) { return $s } }
    return $null
}

# Markdown inline syntax to plain text: links keep their text, code spans lose their backticks.
function ConvertTo-PlainText {
    param([string] $Text)
    return (($Text -replace '\[([^\]]+)\]\([^)]*\)', '$1') -replace '`', '')
}

# Blocks to paragraphs: text lines joined until a blank line or a list item; a code block is one paragraph as is.
# Code blocks whose language is in -SkipLanguages (the parameters' yaml) are left out.
function Get-Paragraphs {
    param($Blocks, [string[]] $SkipLanguages = @())
    $paragraphs = New-Object System.Collections.Generic.List[object]
    $current = New-Object System.Collections.Generic.List[string]
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'code') {
            if ($current.Count -gt 0) { $paragraphs.Add([pscustomobject]@{ Code = $false; Text = ($current -join ' ') }); $current.Clear() }
            if ($SkipLanguages -notcontains $block.Lang) { $paragraphs.Add([pscustomobject]@{ Code = $true; Text = $block.Text }) }
            continue
        }
        $text = $block.Text.Trim()
        if ($text -eq '' -or $text -match '^[-*] ') {
            if ($current.Count -gt 0) { $paragraphs.Add([pscustomobject]@{ Code = $false; Text = ($current -join ' ') }); $current.Clear() }
        }
        if ($text -ne '') { $current.Add((ConvertTo-PlainText $text)) }
    }
    if ($current.Count -gt 0) { $paragraphs.Add([pscustomobject]@{ Code = $false; Text = ($current -join ' ') }) }
    return , $paragraphs
}

function Read-YamlBlock {
    param([string] $Text)
    $map = @{}
    foreach ($line in ($Text -split "`n")) {
        if ($line -match '^\s*([^:]+):\s*(.*)$') { $map[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    return $map
}

# One parameter of a page: name, description paragraphs and its yaml blocks (one per distinct parameter-set shape).
function Get-HelpParameters {
    param($Doc)
    $section = Get-HelpSection $Doc 'PARAMETERS'
    $result = New-Object System.Collections.Generic.List[object]
    if ($null -eq $section) { return , $result }
    foreach ($sub in $section.Subs) {
        if (-not $sub.Name.StartsWith('-')) { continue }
        $yaml = @($sub.Blocks | Where-Object { $_.Kind -eq 'code' -and $_.Lang -eq 'yaml' } | ForEach-Object { Read-YamlBlock $_.Text })
        $result.Add([pscustomobject]@{
                Name        = $sub.Name.Substring(1).Trim()
                Description = Get-Paragraphs $sub.Blocks -SkipLanguages 'yaml'
                Yaml        = $yaml
            })
    }
    return , $result
}

function Write-MamlParagraphs {
    param([System.Xml.XmlWriter] $Writer, $Paragraphs)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $wrote = $false
    foreach ($p in $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $maml, $p.Text)
        $wrote = $true
    }
    if (-not $wrote) { $Writer.WriteElementString('maml', 'para', $maml, '') }
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [hashtable] $Yaml)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    $type = if ($Yaml['Type']) { $Yaml['Type'] } else { 'Object' }
    $position = if ($Yaml['Position'] -match '^\d+$') { $Yaml['Position'] } else { 'named' }
    $pipeline = if ($Yaml['Accept pipeline input']) { $Yaml['Accept pipeline input'] } else { 'False' }
    $aliases = if ($Yaml['Aliases']) { $Yaml['Aliases'] } else { 'none' }
    $Writer.WriteStartElement('command', 'parameter', $command)
    $Writer.WriteAttributeString('required', ([string]($Yaml['Required'] -eq 'True')).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', ([string]($Yaml['Accept wildcard characters'] -eq 'True')).ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $maml)
    Write-MamlParagraphs $Writer $Parameter.Description
    $Writer.WriteEndElement()
    $Writer.WriteStartElement('command', 'parameterValue', $command)
    $Writer.WriteAttributeString('required', ([string]($type -ne 'SwitchParameter')).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'false')
    $Writer.WriteString($type)
    $Writer.WriteEndElement()
    $Writer.WriteStartElement('dev', 'type', $dev)
    $Writer.WriteElementString('maml', 'name', $maml, $type)
    $Writer.WriteElementString('maml', 'uri', $maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $dev, $(if ($Yaml['Default value']) { $Yaml['Default value'] } else { 'None' }))
    $Writer.WriteEndElement()
}

# The yaml block of a parameter that applies to a parameter set: the one naming the set, else the '(All)' one.
function Select-ParameterYaml {
    param($Parameter, [string] $SetName)
    foreach ($y in $Parameter.Yaml) {
        $sets = @(([string]$y['Parameter Sets']) -split ',' | ForEach-Object { $_.Trim() })
        if ($SetName -and $sets -contains $SetName) { return $y }
    }
    foreach ($y in $Parameter.Yaml) {
        if ([string]$y['Parameter Sets'] -eq '(All)') { return $y }
    }
    return $null
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, [string] $Path)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

    $doc = Read-HelpMarkdown $Path
    $name = $doc.Title
    if (-not $name -or $name -notmatch '^(\w+)-(\w+)$') { throw "$Path does not start with a '# Verb-Noun' heading." }
    $verb = $Matches[1]
    $noun = $Matches[2]
    $parameters = Get-HelpParameters $doc

    $Writer.WriteStartElement('command', 'command', $command)
    $xmlns = 'http://www.w3.org/2000/xmlns/'
    $Writer.WriteAttributeString('xmlns', 'maml', $xmlns, $maml)
    $Writer.WriteAttributeString('xmlns', 'command', $xmlns, $command)
    $Writer.WriteAttributeString('xmlns', 'dev', $xmlns, $dev)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $xmlns, 'http://msdn.microsoft.com/mshelp')

    $Writer.WriteStartElement('command', 'details', $command)
    $Writer.WriteElementString('command', 'name', $command, $name)
    $Writer.WriteElementString('command', 'verb', $command, $verb)
    $Writer.WriteElementString('command', 'noun', $command, $noun)
    $Writer.WriteStartElement('maml', 'description', $maml)
    $synopsis = Get-HelpSection $doc 'SYNOPSIS'
    Write-MamlParagraphs $Writer $(if ($synopsis) { Get-Paragraphs $synopsis.Blocks } else { @() })
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $maml)
    $description = Get-HelpSection $doc 'DESCRIPTION'
    Write-MamlParagraphs $Writer $(if ($description) { Get-Paragraphs $description.Blocks } else { @() })
    $Writer.WriteEndElement()

    # Syntax: one item per '### Set' heading under SYNTAX ('### Name (Default)' included), or one for a single set.
    $Writer.WriteStartElement('command', 'syntax', $command)
    $syntax = Get-HelpSection $doc 'SYNTAX'
    $setNames = @()
    if ($syntax -and $syntax.Subs.Count -gt 0) { $setNames = @($syntax.Subs | ForEach-Object { ($_.Name -replace '\(Default\)', '').Trim() }) }
    if ($setNames.Count -eq 0) { $setNames = @('') }
    foreach ($set in $setNames) {
        $Writer.WriteStartElement('command', 'syntaxItem', $command)
        $Writer.WriteElementString('maml', 'name', $maml, $name)
        foreach ($p in $parameters) {
            $y = Select-ParameterYaml $p $set
            if ($null -ne $y) { Write-MamlParameter $Writer $p $y }
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $command)
    foreach ($p in $parameters) {
        if ($p.Yaml.Count -gt 0) { Write-MamlParameter $Writer $p $p.Yaml[0] }
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ Section = 'INPUTS'; List = 'inputTypes'; Item = 'inputType' }, @{ Section = 'OUTPUTS'; List = 'returnValues'; Item = 'returnValue' })) {
        $Writer.WriteStartElement('command', $kind.List, $command)
        $s = Get-HelpSection $doc $kind.Section
        if ($s) {
            foreach ($sub in $s.Subs) {
                $Writer.WriteStartElement('command', $kind.Item, $command)
                $Writer.WriteStartElement('dev', 'type', $dev)
                $Writer.WriteElementString('maml', 'name', $maml, $sub.Name)
                $Writer.WriteEndElement()
                $Writer.WriteStartElement('maml', 'description', $maml)
                Write-MamlParagraphs $Writer (Get-Paragraphs $sub.Blocks)
                $Writer.WriteEndElement()
                $Writer.WriteEndElement()
            }
        }
        $Writer.WriteEndElement()
    }

    $notes = Get-HelpSection $doc 'NOTES'
    if ($notes) {
        $Writer.WriteStartElement('maml', 'alertSet', $maml)
        $Writer.WriteStartElement('maml', 'alert', $maml)
        Write-MamlParagraphs $Writer (Get-Paragraphs $notes.Blocks)
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $command)
    $examples = Get-HelpSection $doc 'EXAMPLES'
    if ($examples) {
        foreach ($sub in $examples.Subs) {
            $Writer.WriteStartElement('command', 'example', $command)
            $Writer.WriteElementString('maml', 'title', $maml, "-------------------------- $($sub.Name) --------------------------")
            $codeBlocks = @($sub.Blocks | Where-Object { $_.Kind -eq 'code' })
            $Writer.WriteElementString('dev', 'code', $dev, (($codeBlocks | ForEach-Object { $_.Text }) -join "`n"))
            $Writer.WriteStartElement('dev', 'remarks', $dev)
            Write-MamlParagraphs $Writer @((Get-Paragraphs $sub.Blocks) | Where-Object { -not $_.Code })
            $Writer.WriteEndElement()
            $Writer.WriteEndElement()
        }
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $command)
    $links = Get-HelpSection $doc 'RELATED LINKS'
    if ($links) {
        foreach ($block in $links.Blocks) {
            if ($block.Kind -eq 'line' -and $block.Text -match '^\s*\[([^\]]+)\]\(([^)]*)\)') {
                $Writer.WriteStartElement('maml', 'navigationLink', $maml)
                $Writer.WriteElementString('maml', 'linkText', $maml, $Matches[1])
                # Pages link to each other by file name; only web addresses are worth keeping as a uri.
                $Writer.WriteElementString('maml', 'uri', $maml, $(if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }))
                $Writer.WriteEndElement()
            }
        }
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

# docs/<Verb-Noun>.md pages to one MAML file (what Get-Help reads for a binary module: <dll>-Help.xml).
function New-MamlHelp {
    param([string[]] $Pages, [string] $OutputPath)
    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Indent = $true
    $settings.Encoding = New-Object System.Text.UTF8Encoding $false
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($page in $Pages) { Write-MamlCommand $writer $page }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

function Format-Wrapped {
    param([string] $Text, [int] $Indent, [int] $Hanging, [int] $Width = 80)
    $lines = New-Object System.Collections.Generic.List[string]
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($empty) { $line += $word; $empty = $false }
        elseif ($line.Length + 1 + $word.Length -gt $Width) { $lines.Add($line.TrimEnd()); $line = (' ' * $Hanging) + $word }
        else { $line += ' ' + $word }
    }
    if (-not $empty) { $lines.Add($line.TrimEnd()) }
    return ($lines -join [Environment]::NewLine)
}

function Add-AboutParagraphs {
    param([System.Text.StringBuilder] $Builder, $Blocks)
    foreach ($p in (Get-Paragraphs $Blocks)) {
        if ($p.Code) {
            foreach ($codeLine in ($p.Text -split "`n")) { [void]$Builder.AppendLine(('        ' + $codeLine).TrimEnd()) }
        }
        elseif ($p.Text -match '^[-*] (.*)$') {
            [void]$Builder.AppendLine((Format-Wrapped ('- ' + $Matches[1]) 4 6))
        }
        else {
            [void]$Builder.AppendLine((Format-Wrapped $p.Text 4 4))
        }
        [void]$Builder.AppendLine()
    }
}

# docs/about_*.md to the about_*.help.txt layout Get-Help shows: TOPIC, upper-case section names, indented text.
function ConvertTo-AboutHelpText {
    param([string] $Path)
    $doc = Read-HelpMarkdown $Path
    $builder = New-Object System.Text.StringBuilder
    [void]$builder.AppendLine('TOPIC')
    [void]$builder.AppendLine('    ' + $doc.Title)
    [void]$builder.AppendLine()
    foreach ($section in $doc.Sections) {
        [void]$builder.AppendLine($section.Name.ToUpperInvariant())
        Add-AboutParagraphs $builder $section.Blocks
        foreach ($sub in $section.Subs) {
            [void]$builder.AppendLine('  ' + $sub.Name.ToUpperInvariant())
            Add-AboutParagraphs $builder $sub.Blocks
        }
    }
    return $builder.ToString()
}

# ------------------------------------------------------------------------------------------------------------------
# Tasks
# ------------------------------------------------------------------------------------------------------------------

function Invoke-Build {
    param([string] $Configuration)
    $publishDir = Join-Path $OutDir "publish/$Configuration"
    if (Test-Path $publishDir) { Remove-Item $publishDir -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/BackupQuery/BackupQuery.csproj'), '-c', $Configuration, '-o', $publishDir, '--nologo')
    Write-ModuleLayout -AssemblyDirectory $publishDir
    Write-Host "Built BackupQuery $(Get-ProjectVersion) ($Configuration) in $ModuleDir" -ForegroundColor Green
}

# The module folder from an allow-list: assemblies from -AssemblyDirectory, the stamped manifest, the format file and
# the help generated from docs/.
function Write-ModuleLayout {
    param([string] $AssemblyDirectory)
    $loaded = Get-Module BackupQuery | Where-Object { $_.Path -and $_.Path.StartsWith($ModuleDir, [System.StringComparison]::OrdinalIgnoreCase) }
    if ($loaded) { throw "BackupQuery is loaded from $ModuleDir in this session; run the build in a new one (pwsh ./build.ps1)." }
    if (-not $AssemblyDirectory -or -not (Test-Path -LiteralPath $AssemblyDirectory)) { throw "No built assemblies at '$AssemblyDirectory'." }

    $version = Get-ProjectVersion
    $published = @(Get-ChildItem -LiteralPath $AssemblyDirectory -Filter *.dll | ForEach-Object { $_.Name })
    $unexpected = @($published | Where-Object { $ModuleAssemblies -notcontains $_ -and $DependencyAssemblies -notcontains $_ -and $ExcludedAssemblies -notcontains $_ })
    if ($unexpected.Count -gt 0) {
        throw "The publish output holds assemblies that are not on build.ps1's allow-list: $($unexpected -join ', '). Add them to `$DependencyAssemblies (and say why), or drop the reference."
    }
    $missing = @($ModuleAssemblies + $DependencyAssemblies | Where-Object { $published -notcontains $_ })
    if ($missing.Count -gt 0) { throw "The publish output lacks $($missing -join ', ')." }

    if (Test-Path $ModuleDir) { Remove-Item $ModuleDir -Recurse -Force }
    $helpDir = Join-Path $ModuleDir 'en-US'
    New-Item -ItemType Directory -Path $helpDir -Force | Out-Null

    foreach ($file in $ModuleAssemblies + $DependencyAssemblies) { Copy-Item -LiteralPath (Join-Path $AssemblyDirectory $file) -Destination $ModuleDir }
    foreach ($file in 'BackupQuery.format.ps1xml', 'BackupQuery.types.ps1xml') { Copy-Item -LiteralPath (Join-Path $Root $file) -Destination $ModuleDir }
    # The MIT notice travels with every copy of the module (the zip, the nupkg, a saved or installed folder).
    Copy-Item -LiteralPath (Join-Path $Root 'LICENSE') -Destination $ModuleDir

    # The manifest, with ModuleVersion from Directory.Build.props (a -suffix becomes the PSData Prerelease string) and
    # ReleaseNotes from that version's CHANGELOG.md section (single quotes doubled, $ kept literal by -replace).
    $numeric, $prerelease = $version -split '-', 2
    $manifest = Get-Content -LiteralPath (Join-Path $Root 'BackupQuery.psd1') -Raw
    $manifest = $manifest -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$numeric'"
    $notes = (Get-ReleaseNotes $version).Replace("'", "''").Replace('$', '$$')
    $manifest = $manifest -replace "(?m)^(\s*ReleaseNotes\s*=\s*)'[^']*'", "`${1}'$notes'"
    if ($prerelease) { $manifest = $manifest -replace '(?m)^(\s*PSData\s*=\s*@\{)', "`${1}`r`n            Prerelease = '$prerelease'" }
    Write-Utf8File (Join-Path $ModuleDir 'BackupQuery.psd1') $manifest

    $pages = @(Get-ChildItem -LiteralPath (Join-Path $Root 'docs') -Filter '*-*.md' | Sort-Object Name | ForEach-Object { $_.FullName })
    New-MamlHelp -Pages $pages -OutputPath (Join-Path $helpDir 'BackupQuery.dll-Help.xml')
    foreach ($about in Get-ChildItem -LiteralPath (Join-Path $Root 'docs') -Filter 'about_*.md') {
        Write-Utf8File (Join-Path $helpDir ($about.BaseName + '.help.txt')) (ConvertTo-AboutHelpText $about.FullName)
    }

    # A warning here is a defect in the package (PSResourceGet and the galleries show the same complaints).
    $manifestWarnings = $null
    Test-ModuleManifest -Path (Join-Path $ModuleDir 'BackupQuery.psd1') -WarningVariable manifestWarnings -WarningAction SilentlyContinue | Out-Null
    if ($manifestWarnings) { throw "Test-ModuleManifest warns about the laid-out manifest: $($manifestWarnings -join '; ')" }
    Get-ChildItem -LiteralPath $ModuleDir -Recurse -File | ForEach-Object { Write-Verbose ('  ' + $_.FullName.Substring($ModuleDir.Length + 1)) }
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

function Wait-Emulator {
    param([System.Diagnostics.Process] $Process, [uri] $Url, [int] $TimeoutSec = 90, [string] $LogPath)
    $deadline = (Get-Date).AddSeconds($TimeoutSec)
    while ((Get-Date) -lt $deadline) {
        if ($Process.HasExited) {
            $log = if ($LogPath -and (Test-Path $LogPath)) { Get-Content -LiteralPath $LogPath -Raw } else { '' }
            throw "The emulator exited with code $($Process.ExitCode) before answering. $log"
        }
        $client = New-Object System.Net.Sockets.TcpClient
        try {
            $client.Connect($Url.Host, $Url.Port)
            return
        }
        catch {
            Start-Sleep -Milliseconds 250
        }
        finally {
            $client.Dispose()
        }
    }
    throw "The emulator did not answer on $Url within $TimeoutSec s."
}

function Show-Step {
    param([string] $Title, [scriptblock] $Script)
    Write-Host ''
    Write-Host "# $Title" -ForegroundColor Yellow
    Write-Host ('PS> ' + $Script.ToString().Trim()) -ForegroundColor Cyan
    & $Script | Out-Host
}

# Builds the module and the emulator, and starts the emulator on $DemoUrl. The same as:
#   dotnet run --project src/BackupQuery.Emulator -- --urls http://127.0.0.1:5080 --count zstack=5000
# (started from its dll so that stopping it stops the server itself, not only a `dotnet run` parent).
function Start-DemoEmulator {
    param([string] $Configuration)
    Invoke-Build -Configuration $Configuration
    Invoke-Native dotnet @('build', (Join-Path $Root 'src/BackupQuery.Emulator/BackupQuery.Emulator.csproj'), '-c', $Configuration, '--nologo', '-v', 'q')
    $emulatorDll = Join-Path $Root "src/BackupQuery.Emulator/bin/$Configuration/net8.0/BackupQuery.Emulator.dll"
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "bq-emulator-$PID.log"
    $errLog = Join-Path ([System.IO.Path]::GetTempPath()) "bq-emulator-$PID.err.log"
    $process = Start-Process -FilePath dotnet -ArgumentList @("`"$emulatorDll`"", '--urls', $DemoUrl, '--count', 'zstack=5000') `
        -PassThru -NoNewWindow -RedirectStandardOutput $log -RedirectStandardError $errLog
    $emulator = [pscustomobject]@{ Process = $process; Log = $log; ErrLog = $errLog }
    try {
        Wait-Emulator -Process $process -Url $DemoUrl -LogPath $errLog
        Start-Sleep -Milliseconds 500
    }
    catch {
        Stop-DemoEmulator $emulator
        throw
    }
    return $emulator
}

function Stop-DemoEmulator {
    param($Emulator)
    if (-not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item -LiteralPath $Emulator.Log, $Emulator.ErrLog -ErrorAction SilentlyContinue
    Write-Host ''
    Write-Host 'Emulator stopped.' -ForegroundColor Green
}

function Invoke-Demo {
    param([string] $Configuration)
    $emulator = Start-DemoEmulator -Configuration $Configuration
    $log = $emulator.Log
    try {
        Write-Host ''
        Get-Content -LiteralPath $log | Out-Host

        Import-Module (Join-Path $ModuleDir 'BackupQuery.psd1') -Force

        Show-Step 'Connect with the emulator''s demo account (admin / password); the connection becomes the default' {
            $cred = New-Object System.Management.Automation.PSCredential ('admin', (ConvertTo-SecureString 'password' -AsPlainText -Force))
            Connect-ZStack -Server http://127.0.0.1:5080 -Credential $cred -ServerTimeZone UTC |
                Format-List Name, Server, AuthKind, AccountName, ServerTimeZone, SessionExpiresAt
        }
        Show-Step 'The first five backups' {
            Get-ZStackDatabaseBackup -First 5
        }
        Show-Step 'Server-side filters: disabled, ready backups created 30 to 60 days ago, newest first' {
            Get-ZStackDatabaseBackup -State Disabled -Status Ready -CreatedAfter (Get-Date).AddDays(-60) -CreatedBefore (Get-Date).AddDays(-30) -SortBy createDate -Descending -First 5
        }
        Show-Step 'Where-Object and Measure-Object on the records: backups over 1 GB' {
            Get-ZStackDatabaseBackup | Where-Object SizeBytes -gt 1GB | Measure-Object SizeBytes -Sum -Maximum |
                Select-Object Count, @{ n = 'TotalGB'; e = { [math]::Round($_.Sum / 1GB, 1) } }, @{ n = 'LargestGB'; e = { [math]::Round($_.Maximum / 1GB, 1) } }
        }
        Show-Step 'Sort-Object -First: the five largest' {
            Get-ZStackDatabaseBackup | Sort-Object SizeBytes -Descending | Select-Object -First 5 Name, CreatedAt, SizeBytes, BackupStorageUuid
        }
        Show-Step 'Group-Object Status' {
            Get-ZStackDatabaseBackup | Group-Object Status -NoElement | Sort-Object Count -Descending
        }
        Show-Step 'A wildcard becomes a server-side like query' {
            Get-ZStackDatabaseBackup -Name 'db-backup-0012*' | Format-Table Name, Status, State, DatabaseVersion, BackupType
        }
        Show-Step 'Export-Csv (flattened columns included), then the head of the file' {
            $csv = Join-Path ([System.IO.Path]::GetTempPath()) 'backupquery-demo.csv'
            Get-ZStackDatabaseBackup -Status Creating | Export-Csv -LiteralPath $csv -NoTypeInformation
            Get-Content -LiteralPath $csv -TotalCount 4
            '... {0} lines in {1}' -f (Get-Content -LiteralPath $csv).Count, $csv
            Remove-Item -LiteralPath $csv
        }
        Show-Step 'Paging: -Skip and -First go to the server' {
            Get-ZStackDatabaseBackup -SortBy createDate -Skip 100 -First 3 | Format-Table Name, CreatedAt
        }
        Show-Step '-IncludeTotalCount writes the number of matches first' {
            Get-ZStackDatabaseBackup -Status Ready -IncludeTotalCount -First 2 | ForEach-Object { "$_" }
        }
        Show-Step '-Verbose: one line per HTTP call (5000 records in pages of 1000)' {
            Get-ZStackDatabaseBackup -Verbose | Measure-Object | Select-Object Count
        }
        Show-Step 'A raw ZStack condition for what has no parameter: backups over 32 GiB' {
            Get-ZStackDatabaseBackup -Filter 'size>34359738368' | Measure-Object | Select-Object Count
        }
        Show-Step 'Scan the ImageStore backup server (SSH password with special characters, encoded in the request)' {
            $ssh = New-Object System.Management.Automation.PSCredential ('root', (ConvertTo-SecureString 'p@ss:w#rd%?' -AsPlainText -Force))
            Get-ZStackImageStoreBackup -BackupStorageHost 127.0.0.1 -SshCredential $ssh -BackupStoragePath /zstack_bs
        }
        Show-Step 'Errors carry the service code and category' {
            $bad = New-Object System.Management.Automation.PSCredential ('admin', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
            Connect-ZStack -Server http://127.0.0.1:5080 -Credential $bad -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
            $failure[0] | Select-Object FullyQualifiedErrorId, @{ n = 'Category'; e = { $_.CategoryInfo.Category } }, @{ n = 'Message'; e = { $_.Exception.Message } } | Format-List
        }
        Show-Step 'Disconnect (logs the session out)' {
            Disconnect-ZStack
        }

        # Huawei Cloud: the same emulator serves IAM, GeminiDB, RDS, VBS and CBR under path prefixes of its port.
        Show-Step 'Connect-HuaweiCloud with the emulator''s demo IAM user; -Endpoint points every service at it' {
            $cred = New-Object System.Management.Automation.PSCredential ('demo-user', (ConvertTo-SecureString 'Demo@Passw0rd' -AsPlainText -Force))
            $base = 'http://127.0.0.1:5080'
            Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $cred -Endpoint @{
                iam = "$base/iam"; 'gaussdb-nosql' = "$base/gaussdb-nosql"; rds = "$base/rds"; vbs = "$base/vbs"; cbr = "$base/cbr" }
        }
        Show-Step 'Get-CbrBackup: available backups, space per resource type' {
            Get-CbrBackup -Status available | Group-Object ResourceType |
                Select-Object Name, Count, @{ n = 'GB'; e = { ($_.Group | Measure-Object ResourceSizeGB -Sum).Sum } }
        }
        Show-Step 'Get-CbrBackup: the total, then the three newest' {
            Get-CbrBackup -SortBy created_at -Descending -IncludeTotalCount -First 3 | ForEach-Object { "$_" }
        }
        Show-Step 'Get-VbsBackup -Detailed: full and incremental backups (service metadata parsed)' {
            Get-VbsBackup -Detailed | Group-Object { $_.ServiceMetadata.BackupKind } -NoElement
        }
        Show-Step 'Get-RdsBackup (GeminiDB by default): backups per database type' {
            Get-RdsBackup -Verbose | Group-Object DatastoreType -NoElement
        }
        Show-Step 'Get-RdsBackup -Service RDS: the backups of one relational instance' {
            $instance = Get-Content -LiteralPath $log | Select-String 'instance (\S+) has the most' | ForEach-Object { $_.Matches[0].Groups[1].Value } | Select-Object -First 1
            Get-RdsBackup -Service RDS -InstanceId $instance -First 5
        }
        Show-Step 'Disconnect-HuaweiCloud' {
            Disconnect-HuaweiCloud
        }
    }
    finally {
        Stop-DemoEmulator $emulator
    }
}

# The README's "A session" block, produced by the module: each command runs against the emulator in this session and
# its output, rendered as a 100-column console would show it, goes between the markers in README.md.
$SessionCommands = @(
    '$cred = [pscredential]::new(''admin'', (ConvertTo-SecureString ''password'' -AsPlainText -Force))'
    '$zs = Connect-ZStack -Server http://127.0.0.1:5080 -Credential $cred -ServerTimeZone UTC -Name lab'
    'Get-ZStackDatabaseBackup -Status Creating -First 5'
    'Get-ZStackDatabaseBackup | Group-Object Status -NoElement'
    'Get-ZStackDatabaseBackup -CreatedAfter (Get-Date).AddDays(-2) | Sort-Object SizeBytes -Descending | Select-Object -First 3 Name, CreatedAt, SizeBytes'
    '$hwCred = [pscredential]::new(''demo-user'', (ConvertTo-SecureString ''Demo@Passw0rd'' -AsPlainText -Force))'
    '$endpoints = @{ iam = ''http://127.0.0.1:5080/iam''; ''gaussdb-nosql'' = ''http://127.0.0.1:5080/gaussdb-nosql''; rds = ''http://127.0.0.1:5080/rds''; vbs = ''http://127.0.0.1:5080/vbs''; cbr = ''http://127.0.0.1:5080/cbr'' }'
    '$hw = Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCred -Endpoint $endpoints -Name beijing'
    'Get-ZStackConnection'
    'Get-HuaweiCloudConnection'
    'Get-CbrBackup -Status available -SortBy created_at -Descending -First 4'
    'Get-CbrBackup | Group-Object ResourceType | Select-Object Name, Count, @{ n = ''GB''; e = { ($_.Group | Measure-Object ResourceSizeGB -Sum).Sum } }'
    'Get-RdsBackup -DatastoreType mongodb -First 3 | Format-List'
    'Get-CbrBackup -First 20 | Where-Object ChildCount | Export-Csv cbr.csv -NoTypeInformation; Import-Csv cbr.csv | Select-Object -First 2 Name, ChildCount, Children, ExtendInfo | Format-List'
    'Get-ZStackDatabaseBackup -Connection lab -IncludeTotalCount -Skip 4990 -First 3'
    'Disconnect-HuaweiCloud; Disconnect-ZStack; Remove-Item cbr.csv'
)

function Invoke-Session {
    param([string] $Configuration)
    $emulator = Start-DemoEmulator -Configuration $Configuration
    $transcript = New-Object System.Collections.Generic.List[string]
    $here = Get-Location
    try {
        Set-Location ([System.IO.Path]::GetTempPath())
        Import-Module (Join-Path $ModuleDir 'BackupQuery.psd1') -Force
        foreach ($command in $SessionCommands) {
            $transcript.Add("PS> $command")
            $text = (. ([scriptblock]::Create($command)) | Out-String -Width 100).TrimEnd()
            $text = ($text -split "`r?`n" | ForEach-Object { $_.TrimEnd() }) -join "`n"
            if ($text.Trim()) { $transcript.Add($text.TrimStart("`n")); $transcript.Add('') }
        }
    }
    finally {
        Set-Location $here
        Remove-Module BackupQuery -ErrorAction SilentlyContinue
        Stop-DemoEmulator $emulator
    }
    $readme = Join-Path $Root 'README.md'
    $block = "<!-- session:start (build.ps1 -Task Session writes this block) -->`n``````text`n" + (($transcript -join "`n").TrimEnd()) + "`n```````n<!-- session:end -->"
    $text = [System.IO.File]::ReadAllText($readme)
    $updated = [regex]::Replace($text, '(?s)<!-- session:start.*?<!-- session:end -->', { param($m) $block })
    if ($updated -eq $text -and $text -notmatch '<!-- session:start') { throw 'README.md has no <!-- session:start --> ... <!-- session:end --> markers.' }
    Write-Utf8File $readme $updated
    Write-Host "Wrote the session ($($SessionCommands.Count) commands) into README.md" -ForegroundColor Green
}

switch ($Task) {
    'Build' { Invoke-Build -Configuration $Configuration }
    'Layout' { Write-ModuleLayout -AssemblyDirectory $AssemblyDirectory }
    'Test' { Invoke-Test -Configuration $Configuration }
    'Pester' { Invoke-PesterSuite -Configuration $Configuration }
    'Package' { Invoke-Package }
    'Pack' { Invoke-Pack }
    'Demo' { Invoke-Demo -Configuration $Configuration }
    'Session' { Invoke-Session -Configuration $Configuration }
}
