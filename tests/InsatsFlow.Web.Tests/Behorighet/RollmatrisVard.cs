using System.Text.Json;
using InsatsFlow.Data;
using InsatsFlow.Data.Arbetsfloden;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Testing;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Behorighet;

/// <summary>The shared host of the role matrix, with something real behind every endpoint.</summary>
public sealed class RollmatrisVard : ApiVard
{
    public string Instans { get; private set; } = "";
    public string IncidentInstans { get; private set; } = "";
    public Guid Utkast { get; private set; }
    public Guid Dokument { get; private set; }
    public string ProvaBody { get; private set; } = "";
    /// <summary>A draft: the balanskrav file in force, as a jurist would start one.</summary>
    public string Utkastfil { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DriftsattAsync(Provfloden.Granskning("matris"));
        Instans = await StartaAsync("matris");
        await DriftsattAsync(Provfloden.GranskningVersion2("matris"));
        await DriftsattAsync(Provfloden.Fallerande("matris-fel"));
        IncidentInstans = await StartaAsync("matris-fel");
        Utkast = await MedTjansterAsync(async sp =>
        {
            var utkast = new Arbetsflodesutkast
            {
                Id = Guid.NewGuid(), Xml = Provfloden.Granskning("matris-utkast"), ProcessNyckel = "matris-utkast",
                SparadAv = Inloggning.Kansli, SparadUtc = DateTime.UtcNow, Version = 1,
            };
            var db = sp.GetRequiredService<InsatsFlowDbContext>();
            db.Add(utkast);
            await db.SaveChangesAsync();
            return utkast.Id;
        });
        // The sökande is kontaktperson of Hälsodisken, so this document is one every reading role may open.
        Dokument = await ArkiveraAsync(Instans, (await InsatsIdAsync("Hälsodisken")).ToString());
        ProvaBody = await MedTjansterAsync(sp =>
        {
            var fall = RuleTestRunner.Discover(sp.GetRequiredService<RuleCatalogueHolder>().Directory).Cases.First(c => c.Regelverk == "malgrupp");
            return Task.FromResult(JsonSerializer.Serialize(new { datum = fall.Datum.ToString("yyyy-MM-dd"), indata = fall.Indata }));
        });
        Utkastfil = await MedTjansterAsync(sp =>
            File.ReadAllTextAsync(Path.Combine(sp.GetRequiredService<RuleCatalogueHolder>().Directory, "balanskrav", "2024.1.json")));
    }

    /// <summary>The open task of <see cref="Instans"/> ("Granska ansökan", for the kansli).</summary>
    public Task<string> UppgiftAsync() =>
        MedTjansterAsync(async sp => (await sp.GetRequiredService<ProcessEngine>().TasksOfInstanceAsync(Instans)).First().Id);

    /// <summary>A fresh instance stopped in an incident, for a call that ends its instance (cancel).</summary>
    public async Task<string> NyIncidentAsync()
    {
        var instans = await StartaAsync("matris-fel");
        return await MedTjansterAsync(async sp => (await sp.GetRequiredService<ProcessEngine>().IncidentsAsync(instans)).Single().Id);
    }

    /// <summary>A year whose budget process has not been started, for a call that starts one.</summary>
    public Task<int> LedigtBudgetarAsync() => MedTjansterAsync(async sp =>
    {
        var engine = sp.GetRequiredService<ProcessEngine>();
        var startade = (await engine.FindInstancesAsync("budgetprocess")).Select(i => i.BusinessKey ?? "").ToList();
        var iar = DateTime.UtcNow.Year;
        // the key of a year names its förbund; the second förbund's accounts start theirs too, in their own
        var demo = await sp.GetRequiredService<InsatsFlowDbContext>().Forbund.Where(f => f.Organisationsnummer == InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer)
            .Select(f => f.Id).SingleAsync();
        return Enumerable.Range(iar, 4).First(ar => !startade.Contains(InsatsFlow.Core.Livscykel.Livscykelstart.Budgetnyckel(ar, demo)));
    });

    public Task<string> OppenIncidentAsync() =>
        MedTjansterAsync(async sp => (await sp.GetRequiredService<ProcessEngine>().IncidentsAsync(IncidentInstans)).Single().Id);
}
