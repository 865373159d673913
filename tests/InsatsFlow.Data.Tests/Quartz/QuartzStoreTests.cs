using InsatsFlow.Data.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace InsatsFlow.Data.Tests.Quartz;

/// <summary>Quartz's persistent store in InsatsFlow's own database: provisioned by Quartz, kept across restarts, clustered on PostgreSQL.</summary>
public sealed class QuartzStoreTests
{
    private sealed class Ingenting : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private static readonly JobKey Jobb = new("ingenting", "test");
    private static readonly TriggerKey Trigger = new("om-ett-ar", "test");

    private static ServiceProvider Nod(TestDatabase database)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQuartz(q => q.UsePersistentStore(s => s.UseInsatsFlowDatabase(database.Database)));
        return services.BuildServiceProvider();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_trigger_finns_kvar_i_databasen_efter_omstart(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var fires = new DateTimeOffset(2031, 8, 1, 6, 0, 0, TimeSpan.Zero);
        await using (var forsta = Nod(database))
        {
            var scheduler = await forsta.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.ScheduleJob(
                JobBuilder.Create<Ingenting>().WithIdentity(Jobb).Build(),
                TriggerBuilder.Create().WithIdentity(Trigger).StartAt(fires).Build());
            (await scheduler.GetMetadata()).JobStoreClustered.Should().Be(databas == DatabaseProvider.Postgres);
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await using var andra = Nod(database);
        var igen = await andra.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await igen.GetTrigger(Trigger))!.StartTimeUtc.Should().Be(fires);
        await igen.Shutdown(waitForJobsToComplete: true);
    }

    [Fact]
    public async Task Pa_postgres_checkar_en_startad_nod_in_i_klustret()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nod = Nod(database);
        var scheduler = await nod.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection);
            var instans = (string?)await command.ExecuteScalarAsync();

            instans.Should().Be(scheduler.SchedulerInstanceId, "each node records its own generated id, so another can take over its triggers");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }
}
