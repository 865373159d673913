using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace InsatsFlow.Bench.Engine;

/// <summary>The ceiling: single-row transactions committed per second on the same disk, with the engine's journal mode.</summary>
internal static class RawSqlite
{
    public static double CommitRate(string work, string journalMode, string synchronous, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(work, $"raw-{synchronous}.db")}");
        connection.Open();
        Execute(connection, $"PRAGMA journal_mode={journalMode}");
        Execute(connection, $"PRAGMA synchronous={synchronous}");
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
            insert.Parameters.AddWithValue("$v", "row " + i);
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
