#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What runbooks do with the records: pipelines across providers, early stops, CSV round trips, default parameter values,
# jobs and parallel runspaces with their own default connections. The built module against the emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $Emulator = Start-TestEmulator -ArgumentList @('--count', 'zstack=1200,cbr=400,vbs=50,geminidb=50,rds=50', '--seed', '11')
    Import-TestModule
    $ModulePath = Get-TestModulePath
    $Base = $Emulator.Url.TrimEnd('/')
    $Server = "$Base/zstack"
    $Account = New-TestCredential 'admin' 'password'
    $Endpoints = @{ iam = "$Base/iam"; 'gaussdb-nosql' = "$Base/gaussdb-nosql"; rds = "$Base/rds"; vbs = "$Base/vbs"; cbr = "$Base/cbr" }
    $Zs = Connect-ZStack -Server $Server -Credential $Account -ServerTimeZone UTC -Name runbook -ErrorAction Stop
    $HwCredential = New-TestCredential 'demo-user' 'Demo@Passw0rd'
    $Hw = Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $HwCredential -Endpoint $Endpoints -Name tenant -ErrorAction Stop
}

AfterAll {
    Disconnect-ZStack -Connection $Zs -ErrorAction SilentlyContinue
    Disconnect-HuaweiCloud -Connection $Hw -ErrorAction SilentlyContinue
    Stop-TestEmulator $Emulator
}

Describe 'Pipelines' {
    It 'Select-Object -First stops the listing upstream, and the connection still works' {
        # 1200 records in 24 pages of 50; pages read ahead may already be on their way, the rest are never asked for.
        $run = Invoke-WithVerbose { Get-ZStackDatabaseBackup -PageSize 50 | Select-Object -First 3 }
        $run.Output.Count | Should -Be 3
        $requests = @($run.Verbose | Where-Object { $_ -match '^GET \S*database-backups ' }).Count
        $requests | Should -BeGreaterThan 0
        $requests | Should -BeLessThan 12
        @(Get-ZStackDatabaseBackup -First 2).Count | Should -Be 2
    }

    It 'Where-Object on the client agrees with the server-side filter, record for record' {
        $client = @(Get-CbrBackup | Where-Object Status -EQ 'available')
        $client.Count | Should -BeGreaterThan 0
        (Get-CbrBackup -Status available | ForEach-Object Id) | Should -Be ($client | ForEach-Object Id)
    }

    It 'Group-Object and Measure-Object give each status the count and the bytes the API holds' {
        # The API's records read without the module: what the module's ids, statuses and sizes must add up to.
        $raw = @(Get-EmulatorZStackBackup -Server $Server)
        $raw.Count | Should -Be 1200
        $all = @(Get-ZStackDatabaseBackup)
        ($all | ForEach-Object Id) | Should -Be ($raw | ForEach-Object Uuid)
        $byStatus = @{}
        foreach ($g in $all | Group-Object Status) { $byStatus[$g.Name] = '{0} records, {1} bytes' -f $g.Count, ($g.Group | Measure-Object SizeBytes -Sum).Sum }
        $expected = @{}
        foreach ($g in $raw | Group-Object Status) { $expected[$g.Name] = '{0} records, {1} bytes' -f $g.Count, ($g.Group | Measure-Object Size -Sum).Sum }
        $byStatus.Keys | Sort-Object | Should -Be ($expected.Keys | Sort-Object)
        foreach ($status in $expected.Keys) { $byStatus[$status] | Should -Be $expected[$status] -Because "status '$status'" }
    }

    It 'sorts and groups records of both providers on their common columns' {
        $mixed = @(Get-ZStackDatabaseBackup -Skip 1 -First 4) + @(Get-CbrBackup -First 4)
        # The records are the API's own (read here without the module), each stamped with its provider and connection.
        $zstackIds = @(Get-EmulatorZStackBackup -Server $Server)[1..4] | ForEach-Object Uuid
        $cbrIds = Get-EmulatorCbrBackupId -Base $Base -ProjectId $Hw.ProjectId -Credential $HwCredential -DomainName demo-domain -First 4
        $groups = $mixed | Group-Object Provider | Sort-Object Name
        ($groups | ForEach-Object Name) | Should -Be 'HuaweiCloud', 'ZStack'
        ($groups[0].Group | ForEach-Object { '{0}|{1}' -f $_.Id, $_.Connection }) | Should -Be ($cbrIds | ForEach-Object { "$_|tenant" })
        ($groups[1].Group | ForEach-Object { '{0}|{1}' -f $_.Id, $_.Connection }) | Should -Be ($zstackIds | ForEach-Object { "$_|runbook" })
        # The common CreatedAt is a DateTimeOffset on both, so Sort-Object orders instants, not text.
        ($mixed | ForEach-Object { $_.CreatedAt.GetType().FullName } | Sort-Object -Unique) | Should -Be 'System.DateTimeOffset'
    }

    It 'exports to CSV and feeds the file back by property name' {
        $csv = Join-Path $TestDrive 'uuids.csv'
        $picked = @(Get-ZStackDatabaseBackup -Skip 40 -First 6)
        $picked | Select-Object Uuid, Name | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv | Get-ZStackDatabaseBackup | ForEach-Object Uuid) | Should -Be ($picked | ForEach-Object Uuid)
    }

    It 'filters on typed nested objects and on their flattened columns alike' {
        $nested = @(Get-CbrBackup | Where-Object { $_.ExtendInfo -and $_.ExtendInfo.AutoTrigger })
        $nested.Count | Should -BeGreaterThan 0
        (Get-CbrBackup | Where-Object AutoTrigger | ForEach-Object Id) | Should -Be ($nested | ForEach-Object Id)
    }

    It 'keeps typed properties for Get-Member and comparisons' {
        $r = Get-ZStackDatabaseBackup -Skip 1 -First 1
        ($r | Get-Member -Name CreatedAt).Definition | Should -Match 'DateTimeOffset'
        ($r | Get-Member -Name SizeBytes).Definition | Should -Match 'long|Int64'
        $r.CreatedAt -lt [DateTimeOffset]::UtcNow | Should -BeTrue
    }

    It 'collects with -OutVariable and keeps streaming' {
        $streamed = Get-ZStackDatabaseBackup -First 5 -OutVariable kept | ForEach-Object Uuid
        $streamed.Count | Should -Be 5
        ($kept | ForEach-Object Uuid) | Should -Be $streamed
    }
}

Describe 'Defaults and errors in scripts' {
    It '$PSDefaultParameterValues supplies -Connection' {
        $second = Connect-ZStack -Server $Server -Credential $Account -Name second -ErrorAction Stop
        try {
            # Connect made 'second' the default; point the default back and let the preference pick 'second'.
            $null = Connect-ZStack -Server $Server -Credential $Account -Name runbook -ErrorAction Stop
            $PSDefaultParameterValues['Get-ZStackDatabaseBackup:Connection'] = $second
            (Get-ZStackDatabaseBackup -First 2 | ForEach-Object Connection) | Should -Be 'second', 'second'
        }
        finally {
            $PSDefaultParameterValues.Remove('Get-ZStackDatabaseBackup:Connection')
            Disconnect-ZStack -Connection $second
        }
        (Get-ZStackDatabaseBackup -First 1).Connection | Should -Be 'runbook'
    }

    It '$ErrorActionPreference = Stop makes a failed login catchable in a runbook' {
        $caught = & {
            $ErrorActionPreference = 'Stop'
            try { Connect-ZStack -Server $Server -Credential (New-TestCredential 'admin' 'wrong'); 'not reached' }
            catch { $_.FullyQualifiedErrorId }
        }
        $caught | Should -BeLike 'ZStack.ID.1000,*'
    }

    It 'a failed request leaves the script running and the error in -ErrorVariable' {
        $r = @(Get-ZStackDatabaseBackup -Connection $Zs -Filter 'nosuchfield=1' -ErrorAction SilentlyContinue -ErrorVariable failed)
        $r.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^ZStack\.'
        $failed[0].Exception.Message | Should -Match 'HTTP \d{3}'
        @(Get-ZStackDatabaseBackup -Connection $Zs -First 1).Count | Should -Be 1
    }
}

Describe 'Runspaces and jobs' {
    It 'ForEach-Object -Parallel: each runspace connects and lists through its own default' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $results = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:ModulePath
            $null = Connect-ZStack -Server $using:Server -Credential $using:Account -Name "worker$_" -ErrorAction Stop
            Get-ZStackDatabaseBackup -Skip 1 -First 2 | ForEach-Object { '{0}|{1}' -f $_.Connection, $_.Uuid }
            Disconnect-ZStack
        }
        $expected = @(Get-ZStackDatabaseBackup -Skip 1 -First 2 | ForEach-Object Uuid)
        @($results).Count | Should -Be 6
        foreach ($n in 1..3) { ($results | Where-Object { $_ -like "worker$n|*" } | ForEach-Object { $_.Split('|')[1] }) | Should -Be $expected }
        # This runspace's default is untouched.
        (Get-ZStackDatabaseBackup -First 1).Connection | Should -Be 'runbook'
    }

    It 'ForEach-Object -Parallel: one connection shared through $using lists completely in each runspace' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $counts = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:ModulePath
            @(Get-CbrBackup -Connection $using:Hw).Count
        }
        $counts | Should -Be @(400, 400, 400, 400)
    }

    It 'Disconnect in a finally block leaves the runspace without a default' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $Server, $Account)
                    Import-Module $ModulePath
                    try { $null = Connect-ZStack -Server $Server -Credential $Account -ErrorAction Stop; @(Get-ZStackDatabaseBackup -First 1).Count }
                    finally { Disconnect-ZStack }
                    try { Get-ZStackDatabaseBackup -First 1 } catch { $_.FullyQualifiedErrorId }
                }).AddArgument($ModulePath).AddArgument($Server).AddArgument($Account)
            $out = @($ps.Invoke())
            $out[0] | Should -Be 1
            $out[1] | Should -BeLike 'BackupQuery.NotConnected,*'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Connections by name' {
    It 'lists the session''s connections with the default marked, and finds them by wildcard' {
        $extra = Connect-ZStack -Server $Server -Credential $Account -Name runbook-2 -ErrorAction Stop
        try {
            $listed = @(Get-ZStackConnection -Name runbook*)
            ($listed | ForEach-Object Name) | Should -Be 'runbook', 'runbook-2'
            ($listed | ForEach-Object IsDefault) | Should -Be $false, $true
            Get-ZStackConnection -Name 'nothing*' | Should -BeNullOrEmpty
            { Get-ZStackConnection -Name nothing -ErrorAction Stop } | Should -Throw -ErrorId 'BackupQuery.ConnectionNotFound,BackupQuery.PowerShell.ZStack.GetZStackConnectionCommand'
        }
        finally { Disconnect-ZStack -Connection $extra }
        (Get-ZStackConnection -Name runbook).IsDefault | Should -BeTrue
    }

    It 'takes connection names in -Connection, as a runbook would write them' {
        (Get-CbrBackup -Connection tenant -First 2 | ForEach-Object Connection) | Should -Be 'tenant', 'tenant'
        { Get-CbrBackup -Connection runbook -First 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*no HuaweiCloud connection named 'runbook'*"
    }

    It 'exports CBR backups to CSV without a type name in any cell' {
        $csv = Join-Path $TestDrive 'cbr.csv'
        Get-CbrBackup -First 50 | Export-Csv -LiteralPath $csv -NoTypeInformation
        $text = Get-Content -LiteralPath $csv -Raw
        $text | Should -Match 'OS::'
        $text | Should -Not -Match '(System|BackupQuery)\.[A-Z]'
    }

    It 'keeps dates as dates through Export-Clixml and Import-Clixml' {
        $xml = Join-Path $TestDrive 'records.xml'
        $live = @(Get-ZStackDatabaseBackup -Skip 1 -First 5)
        $live | Export-Clixml -LiteralPath $xml
        $back = @(Import-Clixml -LiteralPath $xml)
        $back[0].CreatedAt | Should -BeOfType ([DateTimeOffset])
        ($back | Sort-Object CreatedAt -Descending | ForEach-Object Uuid) | Should -Be ($live | Sort-Object CreatedAt -Descending | ForEach-Object Uuid)
    }
}
