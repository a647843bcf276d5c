# The emulator the Demo and the README session run against, as its own process on a fixed loopback port (the tests
# start theirs in-process on port 0). Dot-sourced by tools/Demo.ps1 and tools/Write-ReadmeSession.ps1.

$Root = Split-Path -Parent $PSScriptRoot
$DemoUrl = 'http://127.0.0.1:5080'

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

# Builds the emulator and starts it on $DemoUrl. The same as:
#   dotnet run --project src/BackupQuery.Emulator -- --urls http://127.0.0.1:5080 --count zstack=5000
# (started from its dll so that stopping it stops the server itself, not only a `dotnet run` parent).
function Start-DemoEmulator {
    param([string] $Configuration)
    & dotnet build (Join-Path $Root 'src/BackupQuery.Emulator/BackupQuery.Emulator.csproj') -c $Configuration --nologo -v q
    if ($LASTEXITCODE -ne 0) { throw "dotnet build of the emulator exited with code $LASTEXITCODE." }
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

