using InsatsFlow.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migreringarna_skapar_hela_schemat_i_en_tom_fil()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        (await db.Insatser.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Databasfilen_gar_i_WAL_lage()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        mode.Should().Equal("wal");
    }

    [Fact]
    public async Task Modellen_har_inga_andringar_utan_migrering()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a migration (tools/new-migration.sh)");
    }
}
