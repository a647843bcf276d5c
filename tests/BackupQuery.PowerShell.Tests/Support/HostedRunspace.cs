using System.Management.Automation.Runspaces;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>A fresh runspace of the hosted engine: the default session state, scripts allowed to run.</summary>
internal static class HostedRunspace
{
    public static Runspace Open()
    {
        var state = InitialSessionState.CreateDefault2();
        // Execution policy exists on Windows only; elsewhere setting it throws.
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        return runspace;
    }
}
