#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The ZStack cmdlets end to end: the built module (out/BackupQuery, imported by path) against the emulator process.
# Run through ./build.ps1 -Task Test, or: ./build.ps1; Invoke-Pester tests/Pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $Count = 2500
    $ImageCount = 5
    $Emulator = Start-TestEmulator -ArgumentList @('--count', "zstack=$Count,imagestore=$ImageCount", '--seed', '7')
    Import-TestModule
    $Server = $Emulator.Url
    $Account = New-TestCredential 'admin' 'password'
    $SshCredential = New-TestCredential 'root' 'p@ss:w#rd%?'
    $Main = Connect-ZStack -Server $Server -Credential $Account -ServerTimeZone UTC -Name main -ErrorAction Stop
    # The whole inventory once, in pages of 1000: the reference the filters are checked against.
    $Listing = Invoke-WithVerbose { Get-ZStackDatabaseBackup -Connection $Main -PageSize 1000 }
    $All = $Listing.Output
}

AfterAll {
    if ($Main) { Disconnect-ZStack -Connection $Main -ErrorAction SilentlyContinue }
    Stop-TestEmulator $Emulator
}

Describe 'Connect-ZStack' {
    It 'logs in by account and returns a connection' {
        $Main | Should -BeOfType ([BackupQuery.ZStack.ZStackConnection])
        $Main.AuthKind | Should -Be 'Account'
        $Main.AccountName | Should -Be 'admin'
        $Main.Connected | Should -BeTrue
        $Main.Name | Should -Be 'main'
        $Main.SessionExpiresAt | Should -Not -BeNullOrEmpty
        $Main.ServerTimeZone.Id | Should -Be 'UTC'
    }

    It 'logs in as an IAM user with -AccountName' {
        $user = Connect-ZStack -Server $Server -AccountName admin -Credential (New-TestCredential 'operator' 'Operator#2026') -Name user -ErrorAction Stop
        try {
            $user.AuthKind | Should -Be 'User'
            $user.UserName | Should -Be 'operator'
            @(Get-ZStackDatabaseBackup -Connection $user -First 1).Count | Should -Be 1
        }
        finally { Disconnect-ZStack -Connection $user }
    }

    It 'signs requests with an AccessKey' {
        $ak = Connect-ZStack -Server $Server -AccessKeyId 'ZSDEMOACCESSKEYID0001' -AccessKeySecret (ConvertTo-SecureString 'zstack-demo-secret' -AsPlainText -Force) -Name ak -ErrorAction Stop
        try {
            $ak.AuthKind | Should -Be 'AccessKey'
            $ak.AccessKeyId | Should -Be 'ZSDEMOACCESSKEYID0001'
            $ak.SessionExpiresAt | Should -BeNullOrEmpty
            (Get-ZStackDatabaseBackup -Connection $ak -First 3 | ForEach-Object Uuid) | Should -Be ($All[0..2] | ForEach-Object Uuid)
        }
        finally { Disconnect-ZStack -Connection $ak }
    }

    It 'accepts host:port and fills in the /zstack path' {
        $c = Connect-ZStack -Server "127.0.0.1:$($Emulator.Port)" -Credential $Account -ErrorAction Stop
        try { $c.Server | Should -Be "http://127.0.0.1:$($Emulator.Port)/zstack/" }
        finally { Disconnect-ZStack -Connection $c }
    }

    It 'reports a wrong password as ZStack ID.1000, AuthenticationError, and returns nothing' {
        $result = Connect-ZStack -Server $Server -Credential (New-TestCredential 'admin' 'wrong') -ErrorAction SilentlyContinue -ErrorVariable failure
        $result | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZStack.ID.1000*'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.Message | Should -Match 'ID\.1000'
        # ZStack answers a failed API call with 503 and its error envelope (specs/zstack.md section 3).
        $failure[0].Exception.Message | Should -Match 'HTTP 503'
        [int]$failure[0].Exception.StatusCode | Should -Be 503
    }

    It 'rejects an unknown -ServerTimeZone before connecting' {
        $e = { Connect-ZStack -Server $Server -Credential $Account -ServerTimeZone 'Mars/Olympus_Mons' } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'BackupQuery.UnknownTimeZone*'
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'shows no secret in Format-List *, ConvertTo-Json, Export-Clixml or ToString' {
        $user = Connect-ZStack -Server $Server -AccountName admin -Credential (New-TestCredential 'operator' 'Operator#2026') -Name secrets -ErrorAction Stop
        $ak = Connect-ZStack -Server $Server -AccessKeyId 'ZSDEMOACCESSKEYID0001' -AccessKeySecret (ConvertTo-SecureString 'zstack-demo-secret' -AsPlainText -Force) -ErrorAction Stop
        try {
            $text = Get-VisibleText $user, $ak
            # The text holds the connections (so an empty text cannot pass), and none of their secrets.
            $text | Should -Match 'ZSDEMOACCESSKEYID0001'
            $text | Should -Match 'operator'
            Find-LeakedSecret $text @{ password = 'Operator#2026'; 'access key secret' = 'zstack-demo-secret' } | Should -BeNullOrEmpty
            $names = $user.PSObject.Properties.Name
            $names | Where-Object { $_ -match 'Password|Secret|Token|Session(Id|Uuid)?$' } | Should -BeNullOrEmpty
        }
        finally { Disconnect-ZStack -Connection $user, $ak }
    }

    It 'keeps the session id out of Verbose and Debug output' {
        $c = Connect-ZStack -Server $Server -Credential $Account -ErrorAction Stop
        $text = Get-DiagnosticText {
            Get-ZStackDatabaseBackup -Connection $c -First 1 | Out-Null
            Disconnect-ZStack -Connection $c
        }
        $text | Should -Match 'GET \S*database-backups'
        # The session travels in the Authorization header and the logout path: both logged, both masked.
        $text | Should -Match 'Authorization:\s*OAuth \*\*\*'
        $text | Should -Match 'sessions/\*\*\*'
        $text | Should -Not -Match 'sessions/(?!\*\*\*)[0-9A-Za-z-]{8,}'
        $text | Should -Not -Match '"password"\s*:\s*"(?!\*\*\*)'
    }
}

Describe 'Get-ZStackDatabaseBackup' {
    It 'lists every backup, over several pages, without duplicates' {
        $All.Count | Should -Be $Count
        @($All | ForEach-Object Uuid | Select-Object -Unique).Count | Should -Be $Count
        $pages = @($Listing.Verbose | Where-Object { $_ -match '^GET \S*/v1/database-backups ' })
        # A first page of 100 (its total plans the rest), then 1000 at a time.
        $pages.Count | Should -Be (1 + [math]::Ceiling(($Count - 100) / 1000))
        $pages[0] | Should -Match '-> 200, 100 items, \d+ ms \(attempt 1\)'
        @($pages | Where-Object { $_ -match '-> 200, 1000 items, \d+ ms \(attempt 1\)' }).Count | Should -Be 2
    }

    It 'writes typed records with the common columns' {
        $r = $All[1]
        $r | Should -BeOfType ([BackupQuery.Records.ZStackDatabaseBackup])
        $r.Provider | Should -Be 'ZStack'
        $r.Service | Should -Be 'DatabaseBackup'
        $r.Connection | Should -Be 'main'
        $r.Id | Should -Be $r.Uuid
        $r.CreatedAt | Should -BeOfType ([DateTimeOffset])
        $r.CreatedAt.Offset | Should -Be ([TimeSpan]::Zero)
        $r.SizeBytes | Should -Be $r.Size
        $r.SizeBytes | Should -BeGreaterThan 0
        $r.BackupStorageRefs.Count | Should -BeGreaterThan 0
        $r.BackupStorageUuid | Should -Be $r.BackupStorageRefs[0].BackupStorageUuid
    }

    It '-First 10 makes one request for 10 records' {
        $run = Invoke-WithVerbose { Get-ZStackDatabaseBackup -First 10 }
        $run.Output.Count | Should -Be 10
        @($run.Verbose | Where-Object { $_ -match '^GET ' }).Count | Should -Be 1
        $run.Verbose[0] | Should -Match '10 items'
    }

    It '-Skip and -First page through the sorted list' {
        $head = Get-ZStackDatabaseBackup -SortBy createDate -First 15
        $page = Get-ZStackDatabaseBackup -SortBy createDate -Skip 10 -First 5
        ($page | ForEach-Object Uuid) | Should -Be ($head[10..14] | ForEach-Object Uuid)
    }

    It '-IncludeTotalCount writes the server total first' {
        $r = @(Get-ZStackDatabaseBackup -Status Ready -IncludeTotalCount -First 3)
        $ready = @($All | Where-Object { $_.Status -ceq 'Ready' }).Count
        $r.Count | Should -Be 4
        $r[0].ToString() | Should -Match "\b$ready\b"
        $r[1] | Should -BeOfType ([BackupQuery.Records.ZStackDatabaseBackup])
    }

    It 'filters -Status on the server' {
        $creating = @(Get-ZStackDatabaseBackup -Status Creating)
        $creating.Count | Should -BeGreaterThan 0
        $creating.Count | Should -Be @($All | Where-Object { $_.Status -ceq 'Creating' }).Count
        $creating | Where-Object { $_.Status -cne 'Creating' } | Should -BeNullOrEmpty
    }

    It 'combines -State and -Status with AND' {
        $expected = @($All | Where-Object { $_.State -ceq 'Disabled' -and $_.Status -ceq 'Ready' })
        $expected.Count | Should -BeGreaterThan 0
        $r = @(Get-ZStackDatabaseBackup -State Disabled -Status Ready)
        ($r | ForEach-Object Uuid) | Should -Be ($expected | ForEach-Object Uuid)
    }

    It 'treats several -Status values as OR' {
        $expected = @($All | Where-Object { $_.Status -cin 'Ready', 'Creating' })
        @($expected | Where-Object Status -CEQ 'Creating').Count | Should -BeGreaterThan 0
        (Get-ZStackDatabaseBackup -Status Ready, Creating | ForEach-Object Uuid) | Should -Be ($expected | ForEach-Object Uuid)
    }

    It 'turns -Name wildcards into a server-side like query' {
        $r = @(Get-ZStackDatabaseBackup -Name 'db-backup-0012*')
        $r.Count | Should -Be 10
        $r | Where-Object { $_.Name -notlike 'db-backup-0012*' } | Should -BeNullOrEmpty
    }

    It 'matches an exact -Name' {
        $r = @(Get-ZStackDatabaseBackup -Name 'db-backup-00042')
        $r.Count | Should -Be 1
        $r[0].Name | Should -Be 'db-backup-00042'
    }

    It 'takes -Uuid from the pipeline by property name' {
        $picked = $All[5..7]
        $r = @($picked | Get-ZStackDatabaseBackup)
        ($r | ForEach-Object Uuid) | Should -Be ($picked | ForEach-Object Uuid)
    }

    It 'filters -CreatedAfter (inclusive) and -CreatedBefore (exclusive) in the server zone' {
        $sorted = $All | Sort-Object CreatedAt
        $from = $sorted[100].CreatedAt
        $to = $sorted[200].CreatedAt
        $expected = @($All | Where-Object { $_.CreatedAt -ge $from -and $_.CreatedAt -lt $to })
        $expected.Count | Should -BeGreaterThan 0
        $r = @(Get-ZStackDatabaseBackup -CreatedAfter $from.UtcDateTime -CreatedBefore $to.UtcDateTime)
        ($r | ForEach-Object Uuid) | Should -Be ($expected | ForEach-Object Uuid)
        $r | Where-Object { $_.CreatedAt -lt $from -or $_.CreatedAt -ge $to } | Should -BeNullOrEmpty
    }

    It 'sorts on the server with -SortBy and -Descending' {
        $r = @(Get-ZStackDatabaseBackup -SortBy createDate -Descending -First 50)
        ($r | ForEach-Object CreatedAt) | Should -Be ($r | Sort-Object CreatedAt -Descending | ForEach-Object CreatedAt)
        $r[0].CreatedAt | Should -Be ($All | Sort-Object CreatedAt -Descending | Select-Object -First 1).CreatedAt
        $bySize = @(Get-ZStackDatabaseBackup -SortBy size -First 50)
        ($bySize | ForEach-Object SizeBytes) | Should -Be ($bySize | Sort-Object SizeBytes | ForEach-Object SizeBytes)
    }

    It 'sends raw -Filter conditions' {
        $expected = @($All | Where-Object { $_.SizeBytes -gt 1073741824 })
        $expected.Count | Should -BeGreaterThan 0
        (Get-ZStackDatabaseBackup -Filter 'size>1073741824' | ForEach-Object Uuid) | Should -Be ($expected | ForEach-Object Uuid)
    }

    It 'rejects an invalid -Filter before any request, as a terminating InvalidArgument error' {
        $e = { Get-ZStackDatabaseBackup -Filter 'no operator here' } | Should -Throw -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match 'operator'
    }

    It 'round-trips through Export-Csv with the flattened columns' {
        $csv = Join-Path $TestDrive 'backups.csv'
        $sample = $All[1..50]
        $sample | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 50
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($c in 'Uuid', 'Name', 'Status', 'State', 'CreatedAt', 'SizeBytes', 'BackupStorageUuid', 'InstallPath', 'DatabaseVersion', 'BackupType', 'Connection') {
            $columns | Should -Contain $c
        }
        ($rows | ForEach-Object Uuid) | Should -Be ($sample | ForEach-Object Uuid)
        ($rows | ForEach-Object { [long]$_.SizeBytes }) | Should -Be ($sample | ForEach-Object SizeBytes)
    }

    It 'converts to JSON with typed nested objects' {
        $json = $All[1] | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $json.Uuid | Should -Be $All[1].Uuid
        $json.BackupStorageRefs[0].BackupStorageUuid | Should -Be $All[1].BackupStorageUuid
    }

    It 'groups by Status' {
        $groups = $All | Group-Object Status
        ($groups | Measure-Object -Property Count -Sum).Sum | Should -Be $Count
        $groups.Name | Should -Contain 'Ready'
        $groups.Name | Should -Contain 'Creating'
        $groups.Name | ForEach-Object { $_ | Should -BeIn 'Ready', 'Creating', '' }
        # The spec's own example record (served verbatim first) has no status: it alone forms the unnamed group.
        $unnamed = @($groups | Where-Object Name -EQ '')
        $unnamed.Count | Should -Be 1
        @($unnamed[0].Group.Uuid) | Should -Be @($All[0].Uuid)
    }

    It 'queries several connections in one call and stamps each record with its source' {
        $second = Connect-ZStack -Server $Server -Credential $Account -Name second -ErrorAction Stop
        try {
            $r = @(Get-ZStackDatabaseBackup -Connection $Main, $second -Name 'db-backup-00042')
            ($r | ForEach-Object Connection) | Should -Be 'main', 'second'
            # -First applies to the combined output.
            @(Get-ZStackDatabaseBackup -Connection $Main, $second -First 3).Count | Should -Be 3
        }
        finally { Disconnect-ZStack -Connection $second }
    }

    It 'has a default table view: UTC minute, status, size in binary units, whole name' {
        $text = $All[1..3] | Out-String -Width 80
        $text | Should -Match 'Created \(UTC\)\s+Status\s+State\s+Size\s+Name'
        $text | Should -Match ([regex]::Escape($All[1].CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm')))
        $text | Should -Match ([regex]::Escape($All[3].Name))
        $text | Should -Match '\d+\.\d (KB|MB|GB|TB)'
        $text | Should -Not -Match '…'
    }
}

Describe 'Get-ZStackImageStoreBackup' {
    It 'scans the backup server with the encoded SSH credential' {
        $r = @(Get-ZStackImageStoreBackup -BackupStorageHost 127.0.0.1 -SshCredential $SshCredential -BackupStoragePath /zstack_bs)
        $r.Count | Should -Be $ImageCount
        $r[0] | Should -BeOfType ([BackupQuery.Records.ZStackImageStoreBackup])
        $r[0].BackupStorageHost | Should -Be '127.0.0.1'
        $r[0].Provider | Should -Be 'ZStack'
        $r[0].InstallPath | Should -BeLike 'zstore://*'
    }

    It 'takes the host from the pipeline by property name (alias Hostname)' {
        $r = @([pscustomobject]@{ Hostname = '127.0.0.1' } | Get-ZStackImageStoreBackup -SshCredential $SshCredential)
        $r.Count | Should -Be $ImageCount
    }

    It 'never prints the SSH password, plain or encoded' {
        $text = Get-DiagnosticText { Get-ZStackImageStoreBackup -BackupStorageHost 127.0.0.1 -SshCredential $SshCredential | Out-Null }
        $text | Should -Match 'image-store'
        Find-LeakedSecret $text @{ password = 'p@ss:w#rd%?'; 'password, percent-encoded' = 'p%40ss%3Aw%23rd%25%3F'; 'its start, encoded' = 'p%40ss' } | Should -BeNullOrEmpty
    }

    It 'reports a wrong SSH password without echoing it' {
        $bad = New-TestCredential 'root' 'Wr0ng-Pa55'
        $r = Get-ZStackImageStoreBackup -BackupStorageHost 127.0.0.1 -SshCredential $bad -ErrorAction SilentlyContinue -ErrorVariable failure
        $r | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZStack.SYS.1006,*'
        $failure[0].Exception.Message | Should -Match 'HTTP 503, SYS\.1006.*authentication failed'
        Find-LeakedSecret ($failure | Out-String) @{ password = 'Wr0ng-Pa55' } | Should -BeNullOrEmpty
    }
}

Describe 'Connections per runspace' {
    It 'a new runspace has no default: BackupQuery.NotConnected, ConnectionError' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath)
                    Import-Module $ModulePath
                    try { Get-ZStackDatabaseBackup -First 1 -ErrorAction Stop; 'no error' }
                    catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString(); $_.Exception.Message }
                }).AddArgument((Get-TestModulePath))
            $out = @($ps.Invoke())
            $out[0] | Should -BeLike 'BackupQuery.NotConnected*'
            $out[1] | Should -Be 'ConnectionError'
            $out[2] | Should -Match 'Connect-ZStack'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Disconnect-ZStack' {
    It 'logs out, forgets the connection, and the previous default takes over' {
        $extra = Connect-ZStack -Server $Server -Credential $Account -Name extra -ErrorAction Stop
        (Get-ZStackDatabaseBackup -First 1).Connection | Should -Be 'extra'
        $run = Invoke-WithVerbose { Disconnect-ZStack }
        $run.Output | Should -BeNullOrEmpty
        @($run.Verbose | Where-Object { $_ -match '^DELETE ' }).Count | Should -Be 1
        $extra.Connected | Should -BeFalse
        (Get-ZStackDatabaseBackup -First 1).Connection | Should -Be 'main'
    }

    It 'takes connections from the pipeline' {
        $a = Connect-ZStack -Server $Server -Credential $Account -Name a -ErrorAction Stop
        $b = Connect-ZStack -Server $Server -Credential $Account -Name b -ErrorAction Stop
        $a, $b | Disconnect-ZStack
        $a.Connected | Should -BeFalse
        $b.Connected | Should -BeFalse
    }
}

Describe 'Help' {
    It 'has help generated from docs/ for <_>' -ForEach @('Connect-ZStack', 'Disconnect-ZStack', 'Get-ZStackConnection', 'Get-ZStackDatabaseBackup', 'Get-ZStackImageStoreBackup') {
        $documented = Get-DocumentedHelp $_
        $help = Get-Help $_ -Full
        ($help.Synopsis -replace '\s+', ' ').Trim() | Should -Be $documented.Synopsis
        @($help.Examples.Example | Where-Object { $_ }).Count | Should -Be $documented.ExampleCount
    }

    It 'has the about_BackupQuery topic' {
        (Get-Help about_BackupQuery | Out-String) | Should -Match 'SizeBytes'
    }
}
