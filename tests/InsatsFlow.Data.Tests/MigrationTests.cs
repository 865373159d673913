using InsatsFlow.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InsatsFlow.Data.Tests;

public sealed class MigrationTests
{
    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Migreringarna_skapar_hela_schemat_i_en_tom_databas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas, empty: true);
        await using var db = database.NewContext();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        (await db.Insatser.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Databasfilen_gar_i_WAL_lage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        mode.Should().Equal("wal");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Modellen_har_inga_andringar_utan_migrering(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await using var db = database.NewContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a migration for both providers (tools/regenerate-initial-migration.sh)");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "InsatsFlow.Data")]
    [InlineData(DatabaseProvider.Postgres, "InsatsFlow.Data.Postgres")]
    public async Task Varje_databas_far_migreringarna_fran_sin_egen_assembly(DatabaseProvider databas, string assembly)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await using var db = database.NewContext();

        db.GetService<IMigrationsAssembly>().Assembly.GetName().Name.Should().Be(assembly);
        db.Database.GetMigrations().Should().Contain(m => m.EndsWith("_Initial"));
    }
}
