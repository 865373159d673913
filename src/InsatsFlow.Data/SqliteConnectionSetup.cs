using System.Data.Common;
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

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }
}
