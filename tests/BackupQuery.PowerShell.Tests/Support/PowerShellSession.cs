using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// A runspace of the hosted engine with the built module imported by path, as a user's session would have it.
/// Each <see cref="Run"/> is one pipeline; variables and the runspace's default connections persist between runs.
/// </summary>
internal sealed class PowerShellSession : IDisposable
{
    private PowerShellSession(Runspace runspace) => Runspace = runspace;

    public Runspace Runspace { get; }

    /// <summary>A new runspace with out/BackupQuery imported (laid out first if this run has not done so yet), optionally under <paramref name="host"/>.</summary>
    public static PowerShellSession Start(System.Management.Automation.Host.PSHost? host = null)
    {
        var manifest = ModuleLayout.EnsureBuilt();
        var session = new PowerShellSession(HostedRunspace.Open(host));
        var import = session.Run("Import-Module -Name $args[0] -ErrorAction Stop", manifest);
        if (import.Terminating is not null) throw new InvalidOperationException($"Import-Module failed: {import.Terminating}");
        return session;
    }

    /// <summary>Sets a variable in the session (script scope of later runs).</summary>
    public void Set(string name, object? value) => Runspace.SessionStateProxy.SetVariable(name, value);

    public object? Get(string name) => Runspace.SessionStateProxy.GetVariable(name);

    /// <summary>Runs a script; <paramref name="arguments"/> are its <c>$args</c>. Never throws for the script's own errors.</summary>
    public PowerShellResult Run(string script, params object?[] arguments)
    {
        using var shell = System.Management.Automation.PowerShell.Create(Runspace);
        shell.AddScript(script);
        foreach (var argument in arguments) shell.AddArgument(argument);
        Collection<PSObject> output = [];
        ErrorRecord? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException e)
        {
            terminating = e.ErrorRecord;
        }
        return new PowerShellResult(
            output.ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(),
            shell.Streams.Progress.ToList(),
            shell.Streams.Information.ToList(),
            terminating);
    }

    public void Dispose() => Runspace.Dispose();
}

/// <summary>What one pipeline wrote, stream by stream; <see cref="Terminating"/> is the error that stopped it, if any.</summary>
internal sealed record PowerShellResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<ProgressRecord> Progress,
    IReadOnlyList<InformationRecord> Information,
    ErrorRecord? Terminating)
{
    /// <summary>
    /// The error that ended the run or the first one written. A cmdlet's ThrowTerminatingError ends its statement only:
    /// the script goes on and the record lands in the error stream.
    /// </summary>
    public ErrorRecord? FirstError => Terminating ?? Errors.FirstOrDefault();

    /// <summary>The output's base objects.</summary>
    public IEnumerable<object> Objects => Output.Select(o => o.BaseObject);

    /// <summary>The output as one text (for Out-String and Get-Content results).</summary>
    public string Text => string.Join(Environment.NewLine, Output.Select(o => o.ToString()));

    /// <summary>Fails with every error the pipeline wrote when it wrote any: for runs that must succeed.</summary>
    public PowerShellResult Succeeded()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            var errors = Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}").ToList();
            if (Terminating is not null) errors.Insert(0, $"terminating {Terminating.FullyQualifiedErrorId}: {Terminating}");
            Assert.Fail("The script failed:\n" + string.Join("\n", errors));
        }
        return this;
    }
}
