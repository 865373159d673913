using Quartz;

namespace InsatsFlow.Data;

/// <summary>
/// Quartz's persistent store in InsatsFlow's own database (it provisions its own tables). On PostgreSQL it is
/// clustered: several nodes share one schedule and each trigger fires on one of them.
/// </summary>
public static class QuartzStoreSetup
{
    public static void UseInsatsFlowDatabase(this IPersistentStoreBuilder store, InsatsFlowDatabase database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                store.UsePostgres(Npgsql.NpgsqlFactory.Instance, database.ConnectionString);
                store.UseClustering();
                break;
            default:
                store.UseSqlite(database.ConnectionString);
                break;
        }
        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
    }
}
