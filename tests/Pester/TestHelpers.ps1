# Shared by the *.Tests.ps1 files (dot-source it in BeforeAll). Works in PowerShell 7.4+ and Windows PowerShell 5.1.
#
# Two ways to run: inside dotnet test (tests/BackupQuery.PowerShell.Tests hosts the engine; the emulator assembly is
# loaded there, so the emulator starts in-process on port 0), or in a fresh pwsh through ./build.ps1 -Task Pester (the
# emulator starts as a process on a free port).
# Where things come from (build.ps1 -Task Pester sets both variables):
#   BACKUPQUERY_MODULE    the built manifest; default <repo>/out/BackupQuery/BackupQuery.psd1 (run ./build.ps1 first)
#   BACKUPQUERY_EMULATOR  the emulator dll; default the newest src/BackupQuery.Emulator/bin/*/net8.0 build, built if absent

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-TestModulePath {
    $path = $env:BACKUPQUERY_MODULE
    if (-not $path) { $path = Join-Path $script:RepoRoot 'out/BackupQuery/BackupQuery.psd1' }
    if (-not (Test-Path -LiteralPath $path)) { throw "The built module is not at ${path}: run ./build.ps1 first (or set BACKUPQUERY_MODULE)." }
    return (Resolve-Path -LiteralPath $path).Path
}

function Import-TestModule {
    # By path, so the module under test is the built one and never one installed elsewhere.
    Import-Module (Get-TestModulePath) -Force -ErrorAction Stop
}

function Get-TestEmulatorPath {
    if ($env:BACKUPQUERY_EMULATOR -and (Test-Path -LiteralPath $env:BACKUPQUERY_EMULATOR)) { return $env:BACKUPQUERY_EMULATOR }
    $built = Get-ChildItem -Path (Join-Path $script:RepoRoot 'src/BackupQuery.Emulator/bin') -Filter BackupQuery.Emulator.dll -Recurse -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if ($built) { return $built.FullName }
    & dotnet build (Join-Path $script:RepoRoot 'src/BackupQuery.Emulator/BackupQuery.Emulator.csproj') -c Debug --nologo -v q | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'Building the emulator failed.' }
    return (Join-Path $script:RepoRoot 'src/BackupQuery.Emulator/bin/Debug/net8.0/BackupQuery.Emulator.dll')
}

function Get-FreeTcpPort {
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# The emulator in this process, when its assembly is loaded here (the hosted test run): 127.0.0.1, port 0.
function Start-InProcessEmulator {
    param([string[]] $ArgumentList)
    $options = New-Object BackupQuery.Emulator.Hosting.EmulatorOptions
    $faults = New-Object 'System.Collections.Generic.List[BackupQuery.Emulator.Hosting.FaultRule]'
    $url = ''
    [void][BackupQuery.Emulator.Program]::TryParse([string[]]($ArgumentList + @('--urls', 'http://127.0.0.1:0')), $options, $faults, [ref]$url)
    $server = [BackupQuery.Emulator.Hosting.EmulatorServer]::StartAsync($options, $url, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
    foreach ($fault in $faults) { $server.Faults.Add($fault) }
    [pscustomobject]@{
        Server = $server; Process = $null; Url = $server.BaseAddress.ToString(); Port = $server.BaseAddress.Port
        Banner = (@($server.HuaweiCloud.DescribeForConsole($server)) -join "`n")
    }
}

# Starts the emulator (in-process when hosted, else as a process on a free loopback port) and waits until it accepts
# connections. Returns Url (root, ending in '/'), Port and Banner (what it prints on start), plus Server or Process.
function Start-TestEmulator {
    param([string[]] $ArgumentList = @())
    if ('BackupQuery.Emulator.Hosting.EmulatorServer' -as [type]) { return Start-InProcessEmulator $ArgumentList }
    $dll = Get-TestEmulatorPath
    $port = Get-FreeTcpPort
    $url = "http://127.0.0.1:$port"
    $out = [System.IO.Path]::GetTempFileName()
    $err = [System.IO.Path]::GetTempFileName()
    $arguments = @("`"$dll`"", '--urls', $url) + $ArgumentList
    $process = Start-Process -FilePath dotnet -ArgumentList $arguments -PassThru -NoNewWindow -RedirectStandardOutput $out -RedirectStandardError $err
    $deadline = (Get-Date).AddSeconds(60)
    while ($true) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode): $(Get-Content -LiteralPath $err -Raw)" }
        $client = New-Object System.Net.Sockets.TcpClient
        try {
            $client.Connect('127.0.0.1', $port)
            break
        }
        catch {
            if ((Get-Date) -gt $deadline) { Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue; throw "The emulator did not answer on $url within 60 s." }
            Start-Sleep -Milliseconds 200
        }
        finally {
            $client.Dispose()
        }
    }
    # The banner follows the listening socket by a moment.
    while (-not (Select-String -LiteralPath $out -Pattern 'Press Ctrl\+C' -Quiet) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
    [pscustomobject]@{ Process = $process; Url = "$url/"; Port = $port; StdOut = $out; StdErr = $err; Banner = (Get-Content -LiteralPath $out -Raw) }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($null -eq $Emulator) { return }
    if ($Emulator.Server) {
        $Emulator.Server.DisposeAsync().AsTask().GetAwaiter().GetResult()
        return
    }
    if (-not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item -LiteralPath $Emulator.StdOut, $Emulator.StdErr -ErrorAction SilentlyContinue
}

function New-TestCredential {
    param([string] $UserName, [string] $Password)
    New-Object System.Management.Automation.PSCredential ($UserName, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

# Runs a command with Verbose on and returns @{ Output = records; Verbose = the Verbose lines (strings) }.
function Invoke-WithVerbose {
    param([scriptblock] $Script)
    # The preference reaches the cmdlets in the script block through PowerShell's dynamic scoping.
    $VerbosePreference = 'Continue'
    $all = @(& $Script 4>&1)
    [pscustomobject]@{
        Output  = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        Verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
    }
}

# Verbose and Debug lines of a script, Debug switched on through the preference (5.1's -Debug would prompt).
function Get-DiagnosticText {
    param([scriptblock] $Script)
    $DebugPreference = 'Continue'
    $VerbosePreference = 'Continue'
    $lines = & $Script 4>&1 5>&1 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.InformationalRecord]) { $_.Message }
        elseif ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString() }
    }
    return ($lines -join "`n")
}

# What docs/<command>.md says the help holds: the synopsis (whitespace folded) and the number of examples. Only the
# generated MAML carries these; without it Get-Help makes a synopsis up from the syntax and shows no example.
function Get-DocumentedHelp {
    param([string] $Command)
    $text = Get-Content -LiteralPath (Join-Path $script:RepoRoot "docs/$Command.md") -Raw
    if ($text -notmatch '(?s)## SYNOPSIS\s*\n(.+?)\n\s*\n') { throw "docs/$Command.md has no SYNOPSIS." }
    [pscustomobject]@{
        Synopsis     = ($Matches[1] -replace '\s+', ' ').Trim()
        ExampleCount = [regex]::Matches($text, '(?m)^### Example').Count
    }
}

# The emulator's ZStack database backups as its API serves them, read with Invoke-RestMethod rather than through the
# module: the reference that the module's records (ids, statuses, sizes) are checked against.
function Get-EmulatorZStackBackup {
    param([string] $Server, [string] $AccountName = 'admin', [string] $Password = 'password')
    $server = $Server.TrimEnd('/')
    $sha = [System.Security.Cryptography.SHA512]::Create()
    try { $hash = -join ($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Password)) | ForEach-Object { $_.ToString('x2') }) } finally { $sha.Dispose() }
    $login = @{ logInByAccount = @{ accountName = $AccountName; password = $hash } } | ConvertTo-Json
    $session = (Invoke-RestMethod -Method Put -Uri "$server/v1/accounts/login" -Body $login -ContentType 'application/json').inventory.uuid
    $headers = @{ Authorization = "OAuth $session" }
    try {
        $start = 0
        do {
            $page = Invoke-RestMethod -Uri "$server/v1/database-backups?start=$start&limit=1000&replyWithCount=true" -Headers $headers
            foreach ($b in $page.inventories) {
                [pscustomobject]@{ Uuid = $b.uuid; Status = [string]$b.status; Size = if ($null -ne $b.size) { [long][double]$b.size } }
            }
            $start += 1000
        } while ($start -lt $page.total)
    }
    finally {
        Invoke-RestMethod -Method Delete -Uri "$server/v1/accounts/sessions/$session" -Headers $headers | Out-Null
    }
}

# The emulator's first CBR backups (ids, newest first) as its API serves them, read with an IAM token of our own.
function Get-EmulatorCbrBackupId {
    param([string] $Base, [string] $ProjectId, [pscredential] $Credential, [string] $DomainName, [int] $First)
    $body = @{ auth = @{
            identity = @{ methods = @('password'); password = @{ user = @{ name = $Credential.UserName; password = $Credential.GetNetworkCredential().Password; domain = @{ name = $DomainName } } } }
            scope    = @{ project = @{ id = $ProjectId } } } } | ConvertTo-Json -Depth 8
    $reply = Invoke-WebRequest -Method Post -Uri "$Base/iam/v3/auth/tokens" -Body $body -ContentType 'application/json' -UseBasicParsing
    $token = @($reply.Headers['X-Subject-Token'])[0]
    (Invoke-RestMethod -Uri "$Base/cbr/v3/$ProjectId/backups?limit=$First" -Headers @{ 'X-Auth-Token' = $token }).backups | ForEach-Object id
}

# The secret-leak check, shared by the Pester files and SecretCanaryTests (which dot-sources this file).
# Everything a user could see of objects: Format-List * -Force, ConvertTo-Json, the Export-Clixml file and ToString.
# Wide enough that no value is wrapped (a secret split over two lines would go unseen).
function Get-VisibleText {
    param([object[]] $InputObject, [int] $Depth = 3)
    $xml = Join-Path ([System.IO.Path]::GetTempPath()) "visible-$([guid]::NewGuid().ToString('N')).xml"
    try {
        $InputObject | Export-Clixml -LiteralPath $xml -Depth $Depth
        @(
            ($InputObject | Format-List * -Force | Out-String -Width 4096)
            ($InputObject | ConvertTo-Json -Depth $Depth -WarningAction SilentlyContinue)
            (Get-Content -LiteralPath $xml -Raw)
            ($InputObject | ForEach-Object { "$_" })
        ) -join "`n"
    }
    finally { Remove-Item -LiteralPath $xml -ErrorAction SilentlyContinue }
}

# The names of the secrets (name -> plain value) whose value shows anywhere in the text, sorted; nothing when none leaked.
function Find-LeakedSecret {
    param([string] $Text, [hashtable] $Secret)
    foreach ($name in $Secret.Keys | Sort-Object) {
        $value = [string]$Secret[$name]
        if ($value.Length -gt 0 -and $Text.IndexOf($value, [System.StringComparison]::Ordinal) -ge 0) { $name }
    }
}
