@{
    RootModule           = 'BackupQuery.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0f5a53-8f0c-4d51-9d3e-6b1c2a7e4b10'
    Author               = 'BackupQuery'
    CompanyName          = 'BackupQuery'
    Copyright            = '(c) 2026 BackupQuery contributors. MIT License.'
    Description          = 'Query ZStack and Huawei Cloud backup inventories from PowerShell: typed backup records, server-side filters, streaming paging.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('BackupQuery.format.ps1xml')
    TypesToProcess       = @('BackupQuery.types.ps1xml')
    CmdletsToExport      = @(
        'Connect-ZStack'
        'Disconnect-ZStack'
        'Get-ZStackConnection'
        'Get-ZStackDatabaseBackup'
        'Get-ZStackImageStoreBackup'
        'Connect-HuaweiCloud'
        'Disconnect-HuaweiCloud'
        'Get-HuaweiCloudConnection'
        'Get-RdsBackup'
        'Get-VbsBackup'
        'Get-CbrBackup'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Backup', 'ZStack', 'HuaweiCloud', 'CBR', 'VBS', 'RDS', 'GeminiDB', 'Inventory',
                'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/backupquery/BackupQuery'
            LicenseUri   = 'https://github.com/backupquery/BackupQuery/blob/main/LICENSE'
            # The build (tools/BackupQuery.ModuleLayout) writes the CHANGELOG.md section of the version it builds here.
            ReleaseNotes = 'https://github.com/backupquery/BackupQuery/blob/main/CHANGELOG.md'
        }
    }
}
