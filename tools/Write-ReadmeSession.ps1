<#
.SYNOPSIS
    Writes the README's "A session" block from the module's own output (build.ps1 -Task Session builds, then runs this).
.DESCRIPTION
    Starts the emulator on http://127.0.0.1:5080, imports the module from -Module, runs each of $SessionCommands, and
    writes what they print, rendered as a 100-column console shows it, into README.md between its session markers.
#>
[CmdletBinding()]
param(
    # The built module's manifest.
    [string] $Module = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/BackupQuery/BackupQuery.psd1'),

    # The configuration the emulator is built in.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'DemoEmulator.ps1')

# The commands, in order; each runs in this session against the emulator.
$SessionCommands = @(
    '$cred = [pscredential]::new(''admin'', (ConvertTo-SecureString ''password'' -AsPlainText -Force))'
    '$zs = Connect-ZStack -Server http://127.0.0.1:5080 -Credential $cred -ServerTimeZone UTC -Name lab'
    'Get-ZStackDatabaseBackup -Status Creating -First 5'
    'Get-ZStackDatabaseBackup | Group-Object Status -NoElement'
    'Get-ZStackDatabaseBackup -CreatedAfter 2026-10-30 | Sort-Object SizeBytes -Descending | Select-Object -First 3 Name, CreatedAt, SizeBytes'
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

$emulator = Start-DemoEmulator -Configuration $Configuration
$transcript = New-Object System.Collections.Generic.List[string]
$here = Get-Location
try {
    Set-Location ([System.IO.Path]::GetTempPath())
    Import-Module $Module -Force
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
[System.IO.File]::WriteAllText($readme, $updated, (New-Object System.Text.UTF8Encoding $false))
Write-Host "Wrote the session ($($SessionCommands.Count) commands) into README.md" -ForegroundColor Green
