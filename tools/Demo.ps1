<#
.SYNOPSIS
    A short tour of the cmdlets against the emulator (build.ps1 -Task Demo builds the module first, then runs this).
.DESCRIPTION
    Starts the emulator on http://127.0.0.1:5080, imports the module from -Module, runs each step showing the command
    and what it prints, and stops the emulator. It imports the module into the session it runs in: run it in a new
    process (pwsh ./build.ps1 -Task Demo), since a loaded module's assembly cannot be replaced until the session ends.
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

function Show-Step {
    param([string] $Title, [scriptblock] $Script)
    Write-Host ''
    Write-Host "# $Title" -ForegroundColor Yellow
    Write-Host ('PS> ' + $Script.ToString().Trim()) -ForegroundColor Cyan
    & $Script | Out-Host
}

$emulator = Start-DemoEmulator -Configuration $Configuration
$log = $emulator.Log
try {
    Write-Host ''
    Get-Content -LiteralPath $log | Out-Host

    Import-Module $Module -Force

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
    Show-Step 'Get-CbrBackup: available backups per resource type' {
        Get-CbrBackup -Status available | Group-Object ResourceType -NoElement
    }
    Show-Step 'Get-CbrVault: the backup space each vault holds' {
        Get-CbrVault | Sort-Object UsedBytes -Descending | Select-Object -First 5 Name, UsedBytes, AllocatedBytes
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
    Show-Step 'Get-BackupCoverage: what has no successful backup in the last day (every connection of the session)' {
        Get-BackupCoverage -MaxAge 1d | Where-Object Status -ne Protected
    }
    Show-Step 'Disconnect-HuaweiCloud' {
        Disconnect-HuaweiCloud
    }
}
finally {
    Stop-DemoEmulator $emulator
}
