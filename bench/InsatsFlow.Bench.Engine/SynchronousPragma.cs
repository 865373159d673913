using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InsatsFlow.Bench.Engine;

/// <summary>Sets PRAGMA synchronous on every connection EF opens (it is per connection in SQLite).</summary>
internal sealed class SynchronousPragma(string mode) : DbConnectionInterceptor
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
        command.CommandText = $"PRAGMA synchronous={mode}";
        command.ExecuteNonQuery();
    }
}
