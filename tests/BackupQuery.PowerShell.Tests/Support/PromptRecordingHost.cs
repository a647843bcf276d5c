using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// An interactive host, as a console is: the engine may prompt through it (a missing mandatory parameter, a choice).
/// Every prompt is recorded and then refused, so a command that would make a user answer a prompt fails the test that ran it.
/// </summary>
internal sealed class PromptRecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui = new();

    /// <summary>What the engine asked, one line per prompt (its caption and the fields or choices it wanted).</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    public override string Name => "PromptRecordingHost";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly List<string> _prompts = [];

        public IReadOnlyList<string> Prompts
        {
            get
            {
                lock (_prompts) return [.. _prompts];
            }
        }

        private PromptingException Refuse(string what)
        {
            lock (_prompts) _prompts.Add(what);
            return new PromptingException("PromptRecordingHost refuses to prompt: " + what);
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw Refuse($"Prompt '{caption}' for {string.Join(", ", descriptions.Select(d => d.Name))}");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw Refuse($"PromptForChoice '{caption}': {string.Join(", ", choices.Select(c => c.Label))}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw Refuse($"PromptForCredential '{caption}'");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw Refuse($"PromptForCredential '{caption}'");

        public override string ReadLine() => throw Refuse("ReadLine");

        public override SecureString ReadLineAsSecureString() => throw Refuse("ReadLineAsSecureString");

        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
