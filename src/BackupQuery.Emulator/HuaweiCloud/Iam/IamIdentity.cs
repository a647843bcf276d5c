using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The one IAM account of the emulator: stable ids derived from the configured names.</summary>
internal sealed class IamIdentity(EmulatorOptions options)
{
    public string DomainName => options.HuaweiDomainName;
    public string DomainId { get; } = IdFor("domain/" + options.HuaweiDomainName);
    public string UserName => options.HuaweiUserName;
    public string UserId { get; } = IdFor("user/" + options.HuaweiDomainName + "/" + options.HuaweiUserName);

    public bool PasswordMatches(string? domain, string? user, string? password) =>
        domain == options.HuaweiDomainName && user == options.HuaweiUserName && password == options.HuaweiPassword;

    public EmulatorProject? ProjectByName(string? name) => options.Projects.FirstOrDefault(p => p.Name == name);
    public EmulatorProject? ProjectById(string? id) => options.Projects.FirstOrDefault(p => p.Id == id);

    private static string IdFor(string text)
    {
        var r = new SeededRandom(0, text, 0);
        return r.Hex(32);
    }
}
