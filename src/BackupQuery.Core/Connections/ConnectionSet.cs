namespace BackupQuery.Connections;

/// <summary>
/// The connections of one runspace, and the default per provider. Kept per runspace by the module (never
/// process-wide), so parallel runspaces and runbooks do not clobber each other.
/// </summary>
public sealed class ConnectionSet
{
    private readonly object _gate = new();
    private readonly List<IBackupConnection> _all = [];
    private readonly Dictionary<string, IBackupConnection> _defaults = new(StringComparer.Ordinal);

    /// <summary>Adds a connection and makes it the default of its provider.</summary>
    public void Add(IBackupConnection connection)
    {
        lock (_gate)
        {
            _all.Remove(connection);
            _all.Add(connection);
            _defaults[connection.Provider] = connection;
        }
    }

    public void Remove(IBackupConnection connection)
    {
        lock (_gate)
        {
            _all.Remove(connection);
            if (_defaults.TryGetValue(connection.Provider, out var current) && ReferenceEquals(current, connection))
            {
                // The most recent remaining connection of that provider takes over, if any.
                var next = _all.LastOrDefault(c => c.Provider == connection.Provider);
                if (next is null) _defaults.Remove(connection.Provider);
                else _defaults[connection.Provider] = next;
            }
        }
    }

    public T? DefaultOf<T>(string provider) where T : class, IBackupConnection
    {
        lock (_gate) return _defaults.TryGetValue(provider, out var c) ? c as T : null;
    }

    public IReadOnlyList<IBackupConnection> All
    {
        get { lock (_gate) return _all.ToArray(); }
    }
}
