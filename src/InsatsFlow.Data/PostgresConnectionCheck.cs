using System.Net.Sockets;
using Npgsql;

namespace InsatsFlow.Data;

/// <summary>Opens one plain connection before migrating, and turns a failure into one Swedish line naming the setting.</summary>
internal static class PostgresConnectionCheck
{
    public static async Task EnsureReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var described = InsatsFlowDatabase.Postgres(connectionString).Describe();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        // A database that does not exist yet is created by the migrations (the server itself answered).
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName) { }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or ArgumentException)
        {
            throw new DatabaseConfigurationException(
                $"Databasen i {InsatsFlowDatabase.ConnectionStringSetting} ({described}) kan inte nås: {Reason(e)} ({InsatsFlowDatabase.ProviderSetting} = postgres).", e);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } => "inloggningen nekades",
        PostgresException p => $"servern svarade med fel {p.SqlState}",
        ArgumentException => "anslutningssträngen går inte att läsa",
        _ when e.InnerException is TimeoutException || e is TimeoutException => "servern svarade inte i tid",
        _ => "ingen server svarar på den adressen",
    };
}
