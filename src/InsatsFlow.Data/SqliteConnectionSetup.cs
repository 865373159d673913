using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InsatsFlow.Data;

/// <summary>
/// Every SQLite connection waits for a writer instead of failing at once (busy timeout); WAL is set
/// once on the file by <see cref="DatabaseSetup"/> since it persists in the file.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A pooled connection keeps its database handle, and the handle keeps these settings: they are set once per handle,
    // not on every open (EF opens the connection for each query, and the pragmas were a round trip each time).
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    private void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
        if (handle is not null) Configured.AddOrUpdate(handle, this);
    }
}
