using System.Management.Automation.Runspaces;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>A fresh runspace of the hosted engine: the default session state, scripts allowed to run.</summary>
internal static class HostedRunspace
{
    /// <summary>A runspace without a host UI, or with <paramref name="host"/> (one that can prompt, as a console).</summary>
    public static Runspace Open(System.Management.Automation.Host.PSHost? host = null)
    {
        var state = InitialSessionState.CreateDefault2();
        // Execution policy exists on Windows only; elsewhere setting it throws.
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        var runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        return runspace;
    }
}
