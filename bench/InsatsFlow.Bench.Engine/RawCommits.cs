using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InsatsFlow.Bench.Engine;

/// <summary>The ceiling: single-row transactions committed per second on the same disk and settings, one client.</summary>
internal static class RawCommits
{
    public static double Sqlite(string work, string synchronous, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(work, $"raw-{synchronous}.db")}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL"); // as DatabaseSetup sets the engine's file
        Execute(connection, $"PRAGMA synchronous={synchronous}");
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        return Insert(connection, rows);
    }

    public static double Postgres(string connectionString, int rows)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "CREATE TABLE raw_commits (id bigserial PRIMARY KEY, v text NOT NULL)");
        try { return Insert(connection, rows); }
        finally { Execute(connection, "DROP TABLE raw_commits"); }
    }

    private static double Insert(DbConnection connection, int rows)
    {
        var table = connection is SqliteConnection ? "t" : "raw_commits";
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table} (v) VALUES (@v)";
            var p = insert.CreateParameter();
            p.ParameterName = "@v";
            p.Value = "row " + i;
            insert.Parameters.Add(p);
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
