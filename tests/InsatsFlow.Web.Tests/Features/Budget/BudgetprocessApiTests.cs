using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Features.Budget;

/// <summary>The kansli starts the budget process for a chosen year, once per förbund and year.</summary>
public sealed class BudgetprocessApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static int Iar => DateTime.UtcNow.Year;

    [Fact]
    public async Task Kansliet_startar_budgetprocessen_for_ett_valt_ar_och_samma_ar_startas_inte_igen()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        using var forsta = await kansli.PostAsJsonAsync("/api/budgetprocesser", new { budgetar = Iar + 3 });
        using var andra = await kansli.PostAsJsonAsync("/api/budgetprocesser", new { budgetar = Iar + 3 });

        forsta.StatusCode.Should().Be(HttpStatusCode.Created, await forsta.Content.ReadAsStringAsync());
        (await forsta.Content.ReadAsStringAsync()).Should().Contain($"budget-{Iar + 3}-");
        andra.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await andra.Content.ReadAsStringAsync()).Should().Contain("redan startad");
    }

    [Fact]
    public async Task Ett_budgetar_som_redan_har_passerat_avvisas_med_faltet_namngivet()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        using var svar = await kansli.PostAsJsonAsync("/api/budgetprocesser", new { budgetar = 2022 });

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("budgetar").And.Contain("2022");
    }

    [Fact]
    public async Task Budgetsidan_har_en_kontroll_for_att_starta_budgetprocessen_for_kansliet()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);
        var styrelse = await vard.SomAsync(Roller.Styrelse);

        (await kansli.GetStringAsync("/budget")).Should().Contain("Starta budgetprocessen");
        (await styrelse.GetStringAsync("/budget")).Should().NotContain("Starta budgetprocessen");
    }
}
