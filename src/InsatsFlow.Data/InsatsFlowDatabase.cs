namespace InsatsFlow.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Which database InsatsFlow runs on: the setting <c>InsatsFlow:Databas</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>) and the connection string <c>ConnectionStrings:InsatsFlow</c>. Only DatabaseSetup and the
/// store adapters look at the provider; the domain and the engine never do.
/// </summary>
public sealed record InsatsFlowDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "InsatsFlow:Databas";
    public const string ConnectionStringSetting = "ConnectionStrings:InsatsFlow";

    /// <summary>The assembly that holds the PostgreSQL migrations (SQLite's live in this one).</summary>
    public const string PostgresMigrationsAssembly = "InsatsFlow.Data.Postgres";

    public static InsatsFlowDatabase Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);
    public static InsatsFlowDatabase Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Reads the provider setting; anything but sqlite/postgres (or nothing, meaning sqlite) is refused, naming the setting.</summary>
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new DatabaseConfigurationException(
            $"Inställningen {ProviderSetting} har värdet \"{value}\", som inte är en känd databas: ange sqlite eller postgres."),
    };

    /// <summary>Never prints the password: what a start-up error may show of the connection string.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Postgres => PostgresDescription(ConnectionString),
        _ => ConnectionString,
    };

    private static string PostgresDescription(string connectionString)
    {
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={b.Host};Port={b.Port};Database={b.Database}";
        }
        catch (ArgumentException) { return "(ogiltig anslutningssträng)"; }
    }
}

/// <summary>
/// The database settings cannot be used (unknown provider, missing or malformed connection string, database not
/// reachable). The message is one Swedish line naming the setting; the host prints it and exits.
/// </summary>
public sealed class DatabaseConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
