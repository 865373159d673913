using InsatsFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InsatsFlow.Kraschprov;

/// <summary>
/// The campaign's database: a temp SQLite file (one node), or a fresh database on a PostgreSQL server (two nodes),
/// created for the run and dropped after it. The checks, the clock play and the wait read it through the
/// InsatsFlow context, so the same LINQ runs on both providers.
/// </summary>
public sealed class Kampanjdatabas
{
    private readonly string? adminAnslutning;
    private readonly string? namn;

    private Kampanjdatabas(InsatsFlowDatabase databas, string? adminAnslutning, string? namn)
    {
        Databas = databas;
        this.adminAnslutning = adminAnslutning;
        this.namn = namn;
    }

    /// <summary>What the hosts get as InsatsFlow:Databas and ConnectionStrings:InsatsFlow.</summary>
    public InsatsFlowDatabase Databas { get; }

    public bool ArPostgres => Databas.Provider == DatabaseProvider.Postgres;
    public string Providernamn => ArPostgres ? "PostgreSQL" : "SQLite";

    public static Kampanjdatabas Sqlite(string fil) => new(InsatsFlowDatabase.Sqlite($"Data Source={fil}"), null, null);

    /// <summary>Creates an empty database on the server of <paramref name="adminAnslutning"/> (the hosts migrate it at start).</summary>
    public static async Task<Kampanjdatabas> PostgresAsync(string adminAnslutning, CancellationToken ct)
    {
        var namn = "kraschprov_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(adminAnslutning))
        {
            await c.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{namn}\"", c);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var b = new NpgsqlConnectionStringBuilder(adminAnslutning) { Database = namn };
        return new(InsatsFlowDatabase.Postgres(b.ConnectionString), adminAnslutning, namn);
    }

    /// <summary>A context on every förbund's rows (no förbund filter: the campaign checks the whole installation).</summary>
    public InsatsFlowDbContext Oppna() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(Databas).Options);

    public async Task TaBortAsync()
    {
        if (!ArPostgres)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(adminAnslutning);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{namn}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
