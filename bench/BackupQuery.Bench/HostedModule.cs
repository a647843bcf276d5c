using System.Collections;
using System.Diagnostics;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace BackupQuery.Bench;

/// <summary>The built cmdlet assembly imported into a runspace of the hosted engine and connected to the emulator's Huawei half.</summary>
internal sealed class HostedModule : IDisposable
{
    private readonly Runspace _runspace;

    private HostedModule(Runspace runspace) => _runspace = runspace;

    public static string ModuleAssembly => typeof(HostedModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleAssembly").Value!;

    public static HostedModule Open(EmulatorProcess emulator)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Measure-DistinctId", typeof(MeasureDistinctIdCommand), null));
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        runspace.SessionStateProxy.SetVariable("endpoints", new Hashtable(emulator.HuaweiEndpoints));
        var module = new HostedModule(runspace);
        module.Invoke($$"""
            Import-Module '{{ModuleAssembly}}'
            $ProgressPreference = 'SilentlyContinue'
            $secret = ConvertTo-SecureString 'Demo@Passw0rd' -AsPlainText -Force
            $null = Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential ([pscredential]::new('demo-user', $secret)) -Endpoint $endpoints
            """);
        return module;
    }

    /// <summary><c>Get-CbrBackup -PageSize 1000 | Measure-DistinctId</c>, timed.</summary>
    public Run ListCbr()
    {
        Run.Settle();
        var watch = Stopwatch.StartNew();
        var counts = (long[])Invoke("Get-CbrBackup -PageSize 1000 | Measure-DistinctId").Single().BaseObject;
        return new Run(counts[0], counts[1], watch.Elapsed, TimeSpan.Zero);
    }

    /// <summary><c>Get-CbrBackup -PageSize 1000 | Measure-Object</c>: the count only (no id set to weigh on memory).</summary>
    public long CountCbr() => Convert.ToInt64(Invoke("(Get-CbrBackup -PageSize 1000 | Measure-Object).Count").Single().BaseObject);

    private System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> Invoke(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create(_runspace);
        var output = shell.AddScript(script).Invoke();
        if (shell.HadErrors) throw new InvalidOperationException("the hosted module failed: " + string.Join("; ", shell.Streams.Error));
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}
