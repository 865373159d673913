using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InsatsFlow.Simulering;

/// <summary>
/// The simulation's database is thrown away afterwards, so it need not survive a power cut: no fsync per commit
/// (synchronous = OFF is a per-connection setting, hence on every open) and temp tables in memory.
/// </summary>
public sealed class SnabbSqlite : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tillampa(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tillampa(connection);
        return Task.CompletedTask;
    }

    private static void Tillampa(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;";
        command.ExecuteNonQuery();
    }
}
