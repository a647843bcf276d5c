using System.Runtime.InteropServices;
using System.Security;

namespace BackupQuery.Connections;

/// <summary>
/// A secret held in memory only (as a SecureString), revealed for the moment a request needs it. Its ToString never
/// shows the value, so it cannot leak through formatting, logs or exceptions.
/// </summary>
internal sealed class SensitiveString : IDisposable
{
    private readonly SecureString _value;

    public SensitiveString(SecureString value)
    {
        _value = value.Copy();
        _value.MakeReadOnly();
    }

    public static SensitiveString FromPlainText(string value)
    {
        using var secure = new SecureString();
        foreach (var c in value) secure.AppendChar(c);
        return new SensitiveString(secure);
    }

    /// <summary>An independent copy: disposing one leaves the other usable.</summary>
    public SensitiveString Copy() => new(_value);

    /// <summary>True once <see cref="Dispose"/> has zeroed and released the value.</summary>
    public bool IsDisposed { get; private set; }

    public T Use<T>(Func<string, T> use)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(_value);
            return use(Marshal.PtrToStringUni(pointer) ?? "");
        }
        finally
        {
            if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public override string ToString() => "***";

    /// <summary>Zeroes the value in memory (SecureString.Dispose does) and releases it; using it afterwards throws.</summary>
    public void Dispose()
    {
        IsDisposed = true;
        _value.Dispose();
    }
}
