namespace BackupQuery.Connections;

/// <summary>
/// The connections of one runspace, and the default of each connection type. Kept per runspace by the module (never
/// process-wide), so parallel runspaces and runbooks do not clobber each other. Keyed by type, so a provider cannot be
/// misnamed into "not connected".
/// </summary>
internal sealed class ConnectionSet
{
    private readonly object _gate = new();
    private readonly List<IBackupConnection> _all = [];
    private readonly Dictionary<Type, IBackupConnection> _defaults = [];

    /// <summary>
    /// Adds a connection and makes it the default of its type. A connection of the same type and name is replaced: a
    /// name stands for one connection (the replaced one still works where a variable holds it).
    /// </summary>
    public void Add(IBackupConnection connection)
    {
        lock (_gate)
        {
            _all.RemoveAll(c => ReferenceEquals(c, connection) || (c.GetType() == connection.GetType() && string.Equals(c.Name, connection.Name, StringComparison.OrdinalIgnoreCase)));
            _all.Add(connection);
            _defaults[connection.GetType()] = connection;
        }
    }

    public void Remove(IBackupConnection connection)
    {
        lock (_gate)
        {
            _all.Remove(connection);
            var type = connection.GetType();
            if (_defaults.TryGetValue(type, out var current) && ReferenceEquals(current, connection))
            {
                // The most recent remaining connection of that type takes over, if any.
                var next = _all.LastOrDefault(c => c.GetType() == type);
                if (next is null) _defaults.Remove(type);
                else _defaults[type] = next;
            }
        }
    }

    public T? DefaultOf<T>() where T : class, IBackupConnection
    {
        lock (_gate) return _defaults.TryGetValue(typeof(T), out var c) ? (T)c : null;
    }

    public bool IsDefault(IBackupConnection connection)
    {
        lock (_gate) return _defaults.TryGetValue(connection.GetType(), out var c) && ReferenceEquals(c, connection);
    }

    /// <summary>The connections of a type (or all, for <paramref name="type"/> null), oldest first.</summary>
    public IReadOnlyList<IBackupConnection> Of(Type? type)
    {
        lock (_gate) return _all.Where(c => type is null || type.IsInstanceOfType(c)).ToArray();
    }
}
