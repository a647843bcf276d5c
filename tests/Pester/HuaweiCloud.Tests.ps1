#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The Huawei Cloud cmdlets end to end: the built module (out/BackupQuery, imported by path) against the emulator
# process, which serves IAM, GeminiDB, RDS, VBS and CBR under path prefixes of one port.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $Counts = @{ geminidb = 250; rds = 250; vbs = 1500; cbr = 1500 }
    $Emulator = Start-TestEmulator -ArgumentList @('--count', (($Counts.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ','))
    Import-TestModule
    $Base = $Emulator.Url.TrimEnd('/')
    $Endpoints = @{ iam = "$Base/iam"; 'gaussdb-nosql' = "$Base/gaussdb-nosql"; rds = "$Base/rds"; vbs = "$Base/vbs"; cbr = "$Base/cbr" }
    $Region = 'cn-north-4'
    $ProjectId = '0605767b5780d5762fc5c0118072a564'
    $UserCredential = New-TestCredential 'demo-user' 'Demo@Passw0rd'
    $Sk = ConvertTo-SecureString 'hw-demo-secret-access-key' -AsPlainText -Force
    # The emulator names the RDS instance with the most backups when it starts.
    $BusiestRdsInstance = if ($Emulator.Banner -match 'instance (\S+) has the most') { $Matches[1] } else { $null }

    $Main = Connect-HuaweiCloud -Region $Region -DomainName demo-domain -Credential $UserCredential -Endpoint $Endpoints -Name hw -ErrorAction Stop
}

AfterAll {
    if ($Main) { Disconnect-HuaweiCloud -Connection $Main -ErrorAction SilentlyContinue }
    Stop-TestEmulator $Emulator
}

Describe 'Connect-HuaweiCloud' {
    It 'gets an IAM token with a password and finds the project by region' {
        $Main | Should -BeOfType ([BackupQuery.HuaweiCloud.HuaweiCloudConnection])
        $Main.AuthKind | Should -Be 'Password'
        $Main.Region | Should -Be $Region
        $Main.ProjectId | Should -Be $ProjectId
        $Main.DomainName | Should -Be 'demo-domain'
        $Main.UserName | Should -Be 'demo-user'
        $Main.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $Main.Connected | Should -BeTrue
    }

    It 'signs with an AK/SK' {
        $ak = Connect-HuaweiCloud -Region $Region -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -ErrorAction Stop
        try {
            $ak.AuthKind | Should -Be 'AccessKey'
            $ak.ProjectId | Should -Be $ProjectId
            $ak.TokenExpiresAt | Should -BeNullOrEmpty
            @(Get-CbrBackup -Connection $ak -First 5).Count | Should -Be 5
        }
        finally { Disconnect-HuaweiCloud -Connection $ak }
    }

    It 'signs with a temporary AK/SK and its security token' {
        $tmp = Connect-HuaweiCloud -Region $Region -AccessKeyId HWTEMPACCESSKEY00001 -SecretAccessKey (ConvertTo-SecureString 'hw-temp-secret-access-key' -AsPlainText -Force) `
            -SecurityToken (ConvertTo-SecureString 'hw-demo-security-token' -AsPlainText -Force) -ProjectId $ProjectId -Endpoint $Endpoints -ErrorAction Stop
        try {
            $tmp.AuthKind | Should -Be 'TemporaryAccessKey'
            @(Get-VbsBackup -Connection $tmp -First 3).Count | Should -Be 3
        }
        finally { Disconnect-HuaweiCloud -Connection $tmp }
    }

    It 'reads the key from the SDK environment variables with -FromEnvironment' {
        $env:HUAWEICLOUD_SDK_AK = 'HWDEMOACCESSKEY00001'
        $env:HUAWEICLOUD_SDK_SK = 'hw-demo-secret-access-key'
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $ProjectId
        try {
            $c = Connect-HuaweiCloud -Region $Region -FromEnvironment -Endpoint $Endpoints -ErrorAction Stop
            $c.AuthKind | Should -Be 'AccessKey'
            $c.ProjectId | Should -Be $ProjectId
            @(Get-CbrBackup -Connection $c -First 1).Count | Should -Be 1
            Disconnect-HuaweiCloud -Connection $c
        }
        finally {
            Remove-Item Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK, Env:HUAWEICLOUD_SDK_PROJECT_ID -ErrorAction SilentlyContinue
        }
    }

    It '-FromEnvironment without the variables is a terminating error naming them' {
        Remove-Item Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK -ErrorAction SilentlyContinue
        $e = { Connect-HuaweiCloud -Region $Region -FromEnvironment -Endpoint $Endpoints } | Should -Throw -ExpectedMessage '*HUAWEICLOUD_SDK_AK*' -PassThru
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'gives one connection per region from one credential, in the order given' {
        $all = Connect-HuaweiCloud -Region cn-north-4, cn-east-3 -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -Name tenant -ErrorAction Stop
        $all | Should -HaveCount 2
        $all.Region | Should -Be @('cn-north-4', 'cn-east-3')
        $all.Name | Should -Be @('tenant:cn-north-4', 'tenant:cn-east-3')
        $all[0].ProjectId | Should -Be $ProjectId
        $all[1].ProjectId | Should -Not -Be $ProjectId
        $all | ForEach-Object { Disconnect-HuaweiCloud -Connection $_ }
    }

    It 'refuses -ProjectId with several regions' {
        { Connect-HuaweiCloud -Region cn-north-4, cn-east-3 -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -ProjectId $ProjectId } |
            Should -Throw -ErrorId 'BackupQuery.ProjectIdWithRegions*'
    }

    It 'shows -MaxConcurrency on the connection (default 8) and lists the same records with 1' {
        $Main.MaxConcurrency | Should -Be 8
        $one = Connect-HuaweiCloud -Region $Region -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -MaxConcurrency 1 -ErrorAction Stop
        $one.MaxConcurrency | Should -Be 1
        $ids = (Get-CbrBackup -Connection $one -PageSize 100).Id
        $ids | Should -HaveCount $Counts.cbr
        (Get-CbrBackup -Connection $Main -PageSize 100).Id | Should -Be $ids
        Disconnect-HuaweiCloud -Connection $one
    }

    It 'lists several connections at once and writes them in connection order' {
        $a = Connect-HuaweiCloud -Region $Region -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -Name first -ErrorAction Stop
        $b = Connect-HuaweiCloud -Region $Region -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $Sk -Endpoint $Endpoints -Name second -ErrorAction Stop
        $records = Get-CbrBackup -Connection $a, $b -PageSize 100 -Verbose 4>&1
        $rows = @($records | Where-Object { $_ -is [BackupQuery.Records.CbrBackup] })
        $rows | Should -HaveCount (2 * $Counts.cbr)
        ($rows | Select-Object -First $Counts.cbr).Connection | Sort-Object -Unique | Should -Be 'first'
        ($rows | Select-Object -Skip $Counts.cbr).Connection | Sort-Object -Unique | Should -Be 'second'
        ($rows | Select-Object -Skip $Counts.cbr).Id | Should -Be ($rows | Select-Object -First $Counts.cbr).Id
        # Both listings' requests are logged, the second's while or after the first's records are written.
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET \S*/cbr/' }).Count | Should -Be (2 * (1 + [math]::Ceiling(($Counts.cbr - 100) / 100)))
        Disconnect-HuaweiCloud -Connection $a, $b
    }

    It 'reports a wrong password as an AuthenticationError with a HuaweiCloud id' {
        $r = Connect-HuaweiCloud -Region $Region -DomainName demo-domain -Credential (New-TestCredential 'demo-user' 'wrong') -Endpoint $Endpoints -ErrorAction SilentlyContinue -ErrorVariable failure
        $r | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'HuaweiCloud.*'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.Message | Should -Match 'HTTP 40\d'
    }

    It 'reports a wrong secret key as APIGW.0301 with the request id' {
        $bad = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        # Connect checks the key with one signed request, even with -ProjectId: that request is refused.
        $c = Connect-HuaweiCloud -Region $Region -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey $bad -ProjectId $ProjectId -Endpoint $Endpoints -ErrorAction SilentlyContinue -ErrorVariable failure
        $c | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'HuaweiCloud.APIGW.0301,*'
        $failure[0].Exception.Message | Should -Match 'request id [0-9a-f]{32}'
        Find-LeakedSecret ($failure | Out-String) @{ 'wrong secret key' = 'not-the-secret' } | Should -BeNullOrEmpty
    }

    It 'shows no secret in Format-List *, ConvertTo-Json, Export-Clixml or ToString' {
        $ak = Connect-HuaweiCloud -Region $Region -AccessKeyId HWTEMPACCESSKEY00001 -SecretAccessKey (ConvertTo-SecureString 'hw-temp-secret-access-key' -AsPlainText -Force) `
            -SecurityToken (ConvertTo-SecureString 'hw-demo-security-token' -AsPlainText -Force) -ProjectId $ProjectId -Endpoint $Endpoints -ErrorAction Stop
        try {
            $text = Get-VisibleText $Main, $ak
            # The text holds the connections (so an empty text cannot pass), and none of their secrets.
            $text | Should -Match 'HWTEMPACCESSKEY00001'
            $text | Should -Match 'demo-user'
            Find-LeakedSecret $text @{ password = 'Demo@Passw0rd'; 'secret access key' = 'hw-temp-secret-access-key'; 'security token' = 'hw-demo-security-token' } | Should -BeNullOrEmpty
        }
        finally { Disconnect-HuaweiCloud -Connection $ak }
    }

    It 'masks tokens and signatures in Debug output' {
        $text = Get-DiagnosticText { Get-CbrBackup -Connection $Main -First 1 | Out-Null }
        # Debug carried the request and its token header, masked.
        $text | Should -Match 'GET \S*/backups'
        $text | Should -Match 'X-Auth-Token:\s*\*\*\*'
        $text | Should -Not -Match 'X-Auth-Token:\s*(?!\*\*\*)\S'
        Find-LeakedSecret $text @{ password = 'Demo@Passw0rd' } | Should -BeNullOrEmpty
    }
}

Describe 'Get-RdsBackup' {
    BeforeAll {
        $Gemini = Invoke-WithVerbose { Get-RdsBackup -PageSize 100 }
    }

    It 'lists every GeminiDB backup in pages of 100' {
        $Gemini.Output.Count | Should -Be $Counts.geminidb
        @($Gemini.Output | ForEach-Object Id | Select-Object -Unique).Count | Should -Be $Counts.geminidb
        @($Gemini.Verbose | Where-Object { $_ -match '^GET \S*/backups ' }).Count | Should -Be ([math]::Ceiling($Counts.geminidb / 100))
        $Gemini.Output[0] | Should -BeOfType ([BackupQuery.Records.GeminiDbBackup])
    }

    It 'stamps the common columns and normalises KB to bytes' {
        $r = $Gemini.Output | Where-Object { $null -ne $_.SizeKB } | Select-Object -First 1
        $r.Provider | Should -Be 'HuaweiCloud'
        $r.Service | Should -Be 'GeminiDB'
        $r.Region | Should -Be $Region
        $r.ProjectId | Should -Be $ProjectId
        $r.Connection | Should -Be 'hw'
        $r.SizeBytes | Should -Be ([long][math]::Round($r.SizeKB * 1024))
    }

    It '-First 10 makes one request' {
        $run = Invoke-WithVerbose { Get-RdsBackup -First 10 }
        $run.Output.Count | Should -Be 10
        @($run.Verbose | Where-Object { $_ -match '^GET ' }).Count | Should -Be 1
    }

    It 'filters -DatastoreType on the server' {
        $expected = @($Gemini.Output | Where-Object { $_.DatastoreType -eq 'mongodb' })
        $expected.Count | Should -BeGreaterThan 0 -Because 'the data has MongoDB backups to find'
        $r = @(Get-RdsBackup -DatastoreType mongodb)
        @($r | ForEach-Object Id | Sort-Object) | Should -Be @($expected | ForEach-Object Id | Sort-Object)
    }

    It 'accepts -CreatedAfter alone (the other bound is supplied)' {
        $from = ($Gemini.Output | Sort-Object CreatedAt)[100].CreatedAt
        $r = @(Get-RdsBackup -CreatedAfter $from.UtcDateTime -ErrorAction Stop)
        $expected = @($Gemini.Output | Where-Object { $_.CreatedAt -ge $from })
        $expected.Count | Should -BeGreaterThan 100 -Because 'a hundred records begin before the bound'
        ($r | ForEach-Object Id) | Should -Be ($expected | ForEach-Object Id)
    }

    It 'lists the backups of one RDS instance with -Service RDS' {
        $BusiestRdsInstance | Should -Not -BeNullOrEmpty -Because 'the emulator prints the busiest RDS instance'
        $r = @(Get-RdsBackup -Service RDS -InstanceId $BusiestRdsInstance)
        $r.Count | Should -BeGreaterThan 0
        $r[0] | Should -BeOfType ([BackupQuery.Records.RdsBackup])
        $r | Where-Object { $_.InstanceId -ne $BusiestRdsInstance } | Should -BeNullOrEmpty
        ($r | Where-Object { $null -ne $_.SizeKB } | Select-Object -First 1 | ForEach-Object { $_.SizeBytes -eq $_.SizeKB * 1024 }) | Should -BeTrue
    }

    It 'requires -InstanceId with -Service RDS' {
        { Get-RdsBackup -Service RDS -InstanceId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,BackupQuery.PowerShell.HuaweiCloud.GetRdsBackupCommand' -ExpectedMessage '*InstanceId*'
        { Get-RdsBackup -Service RDS } | Should -Throw -ExpectedMessage '*-InstanceId*'
    }
}

Describe 'Get-VbsBackup' {
    It 'lists every summary over marker pages' {
        $run = Invoke-WithVerbose { Get-VbsBackup }
        $run.Output.Count | Should -Be $Counts.vbs
        @($run.Output | ForEach-Object Id | Select-Object -Unique).Count | Should -Be $Counts.vbs
        @($run.Verbose | Where-Object { $_ -match '^GET ' }).Count | Should -BeGreaterThan 1
        $run.Output[0].IsDetailed | Should -BeFalse
    }

    It 'fills every field with -Detailed, service metadata parsed' {
        $r = @(Get-VbsBackup -Detailed)
        $r.Count | Should -Be $Counts.vbs
        $r[0].IsDetailed | Should -BeTrue
        $withMeta = $r | Where-Object { $_.ServiceMetadataJson } | Select-Object -First 1
        $withMeta.ServiceMetadata | Should -Not -BeNullOrEmpty
        $sized = $r | Where-Object { $null -ne $_.SizeGB } | Select-Object -First 1
        $sized.SizeBytes | Should -Be ($sized.SizeGB * 1GB)
    }

    It '-Skip and -First slice the listing' {
        $head = @(Get-VbsBackup -First 8)
        $slice = @(Get-VbsBackup -Skip 3 -First 5)
        ($slice | ForEach-Object Id) | Should -Be ($head[3..7] | ForEach-Object Id)
    }

    It 'filters -Status on the server' {
        $expected = @(Get-VbsBackup -Detailed | Where-Object { $_.Status -eq 'available' })
        $expected.Count | Should -BeGreaterThan 0
        $r = @(Get-VbsBackup -Detailed -Status available)
        @($r | ForEach-Object Id | Sort-Object) | Should -Be @($expected | ForEach-Object Id | Sort-Object)
    }
}

Describe 'Get-CbrBackup' {
    BeforeAll {
        $Cbr = @(Get-CbrBackup)
    }

    It 'lists every backup' {
        $Cbr.Count | Should -Be $Counts.cbr
        @($Cbr | ForEach-Object Id | Select-Object -Unique).Count | Should -Be $Counts.cbr
        $Cbr[0] | Should -BeOfType ([BackupQuery.Records.CbrBackup])
    }

    It '-IncludeTotalCount writes the count of matches' {
        $r = @(Get-CbrBackup -IncludeTotalCount -First 1)
        $r.Count | Should -Be 2
        $r[0].ToString() | Should -Match "\b$($Counts.cbr)\b"
    }

    It 'sends several -Status values' {
        $expected = @($Cbr | Where-Object { $_.Status -in 'available', 'error' })
        @($expected | Where-Object Status -EQ 'error').Count | Should -BeGreaterThan 0 -Because 'both statuses occur in the data'
        $r = @(Get-CbrBackup -Status available, error)
        @($r | ForEach-Object Id | Sort-Object) | Should -Be @($expected | ForEach-Object Id | Sort-Object)
    }

    It 'claims no backup size: resource_size is the protected resource''s, kept as ResourceSizeGB' {
        $r = $Cbr | Where-Object { $null -ne $_.ResourceSizeGB } | Select-Object -First 1
        $r.ResourceSizeGB | Should -BeGreaterThan 0
        $r.SizeBytes | Should -BeNullOrEmpty
    }

    It 'round-trips through Export-Csv with the flattened columns' {
        $csv = Join-Path $TestDrive 'cbr.csv'
        $Cbr[0..19] | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 20
        foreach ($c in 'Id', 'Name', 'Status', 'CreatedAt', 'SizeBytes', 'ResourceId', 'ResourceSizeGB', 'ChildCount', 'AutoTrigger', 'VaultId', 'Region', 'ProjectId') {
            $rows[0].PSObject.Properties.Name | Should -Contain $c
        }
        ($rows | ForEach-Object Id) | Should -Be ($Cbr[0..19] | ForEach-Object Id)
    }

    It 'takes -ResourceId from the pipeline by property name' {
        $picked = $Cbr | Where-Object ResourceId | Select-Object -First 2
        $r = @($picked | Select-Object ResourceId | Get-CbrBackup)
        # One listing per row, in row order: every backup of that resource.
        $expected = foreach ($p in $picked) { $Cbr | Where-Object ResourceId -EQ $p.ResourceId }
        ($r | ForEach-Object Id) | Should -Be ($expected | ForEach-Object Id)
    }

    It 'has default table views' {
        $text = $Cbr[0..2] | Out-String -Width 80
        $text | Should -Match 'Created \(UTC\)\s+Status\s+Resource GB\s+Name'
        $text | Should -Match ([regex]::Escape($Cbr[2].Name))
        $text | Should -Not -Match '…'
        ($Main | Out-String -Width 80) | Should -Match $Region
    }
}

Describe 'Disconnect-HuaweiCloud' {
    It 'forgets the connection; using it afterwards fails with a clear error' {
        $c = Connect-HuaweiCloud -Region $Region -DomainName demo-domain -Credential $UserCredential -Endpoint $Endpoints -Name gone -ErrorAction Stop
        Disconnect-HuaweiCloud -Connection $c
        $c.Connected | Should -BeFalse
        Get-CbrBackup -Connection $c -First 1 -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'BackupQuery.Authentication,*'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($failure | Out-String) | Should -Match 'Connect-HuaweiCloud'
        # The earlier connection is the default again.
        (Get-CbrBackup -First 1).Connection | Should -Be 'hw'
    }

    It 'a new runspace is not connected: BackupQuery.NotConnected' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath)
                    Import-Module $ModulePath
                    try { Get-CbrBackup -First 1 -ErrorAction Stop; 'no error' } catch { $_.FullyQualifiedErrorId }
                }).AddArgument((Get-TestModulePath))
            @($ps.Invoke())[0] | Should -BeLike 'BackupQuery.NotConnected*'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Help' {
    It 'has help generated from docs/ for <_>' -ForEach @('Connect-HuaweiCloud', 'Disconnect-HuaweiCloud', 'Get-HuaweiCloudConnection', 'Get-RdsBackup', 'Get-VbsBackup', 'Get-CbrBackup') {
        $documented = Get-DocumentedHelp $_
        $help = Get-Help $_ -Full
        ($help.Synopsis -replace '\s+', ' ').Trim() | Should -Be $documented.Synopsis
        @($help.Examples.Example | Where-Object { $_ }).Count | Should -Be $documented.ExampleCount
    }
}
