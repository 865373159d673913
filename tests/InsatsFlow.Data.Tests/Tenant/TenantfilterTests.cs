using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data.Demo;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Data.Tests.Tenant;

/// <summary>The DbContext's query filter: a context for one förbund sees only that förbund's domain and engine rows.</summary>
public sealed class TenantfilterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private static InsatsFlowDbContext For(TestDatabase database, Guid forbund) =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(database.Database).Options) { Forbundsfilter = new FastForbund(forbund) };

    private async Task<(Guid Demo, Guid Nordvik)> TvaForbundAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var seeder = new DemoSeeder(db, clock);
        await seeder.SeedAsync();
        await seeder.SeedNordvikAsync();
        var ids = await db.Forbund.ToDictionaryAsync(f => f.Organisationsnummer, f => f.Id);
        return (ids[DemoSeeder.Organisationsnummer], ids[DemoSeeder.NordvikOrganisationsnummer]);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_forbund_ser_bara_sina_insatser_medlemmar_styrelser_och_budgetar(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var (demo, nordvik) = await TvaForbundAsync(database);

        await using var db = For(database, nordvik);

        (await db.Forbund.Select(f => f.Id).ToListAsync()).Should().Equal(nordvik);
        (await db.Insatser.Select(i => i.ForbundId).Distinct().ToListAsync()).Should().Equal(nordvik);
        (await db.Medlemmar.CountAsync()).Should().Be(5);
        (await db.Styrelser.Select(s => s.ForbundId).Distinct().SingleAsync()).Should().Be(nordvik);
        (await db.Arsbudgetar.AllAsync(b => b.ForbundId == nordvik)).Should().BeTrue();
        (await db.Insatser.AnyAsync(i => i.ForbundId == demo)).Should().BeFalse("another förbund's insats is not there even when asked for by id");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Installationens_eget_arbete_ser_bada_forbunden(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await TvaForbundAsync(database);

        await using var db = database.NewContext();

        (await db.Forbund.CountAsync()).Should().Be(2);
        (await db.Insatser.CountAsync()).Should().Be(13);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Motorns_rader_filtreras_pa_forbundets_tenant(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var (demo, nordvik) = await TvaForbundAsync(database);
        await using (var db = database.NewContext())
        {
            foreach (var (id, forbund) in new[] { ("i-demo", demo), ("i-nordvik", nordvik) })
            {
                db.Add(new ProcessInstance { Id = id, DefinitionId = "p:1", DefinitionKey = "p", TenantId = AktivtForbund.Tenant(forbund) });
                db.Add(new TaskItem { Id = "t-" + id, InstanceId = id, TokenId = "k", ElementId = "e", DefinitionKey = "p", TenantId = AktivtForbund.Tenant(forbund) });
                db.Add(new Incident { Id = "x-" + id, InstanceId = id, TokenId = "k", ElementId = "e", Message = "fel", TenantId = AktivtForbund.Tenant(forbund) });
            }
            await db.SaveChangesAsync();
        }

        await using var nordviks = For(database, nordvik);

        (await nordviks.Set<ProcessInstance>().Select(i => i.Id).ToListAsync()).Should().Equal("i-nordvik");
        (await nordviks.Set<TaskItem>().Select(t => t.Id).ToListAsync()).Should().Equal("t-i-nordvik");
        (await nordviks.Set<Incident>().Select(t => t.Id).ToListAsync()).Should().Equal("x-i-nordvik");
    }
}
