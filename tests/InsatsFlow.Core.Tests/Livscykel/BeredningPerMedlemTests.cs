using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>Each yttrande goes to its own medlem; gates say what failed; missing input goes back to the sökande.</summary>
public sealed class BeredningPerMedlemTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    private async Task<(Guid InsatsId, string Instans)> TillBeredningAsync()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.KlarAsync(instans, "Activity_ansokan", Formular.Ansokan());
        return (insatsId, instans);
    }

    [Fact]
    public async Task Varje_yttrande_gar_till_sin_egen_medlems_foretradare()
    {
        var (_, instans) = await TillBeredningAsync();

        var yttranden = (await miljo.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_yttrande").ToList();

        yttranden.Select(t => t.CandidateGroupList.Single()).Should().BeEquivalentTo(
            [Person.Medlemsgrupp(miljo.Medlem("Försäkringskassan").Id), Person.Medlemsgrupp(miljo.Medlem("Norrby kommun").Id)]);
    }

    [Fact]
    public async Task En_annan_medlems_foretradare_kan_inte_ta_yttrandet()
    {
        var (_, instans) = await TillBeredningAsync();
        var fk = (await miljo.Harness.OpenTasksAsync(instans)).Single(t => t.CandidateGroupList.Contains(Person.Medlemsgrupp(miljo.Medlem("Försäkringskassan").Id)));
        var region = new Person("rebecka@region.se", [Roller.Beredningsgrupp], miljo.Medlem("Region Dalarna").Id);

        using var scope = miljo.Harness.Services.CreateScope();
        var bedomning = await scope.ServiceProvider.GetRequiredService<Behorighetskontroll>().UppgiftAsync(region, fk, Uppgiftsatgard.Slutfora);

        bedomning.Tillats.Should().BeFalse();
        bedomning.Nekande.Should().Contain("Försäkringskassan");
    }

    [Fact]
    public async Task En_styrelseledamot_for_medlemmen_kan_inte_ta_dess_yttrande()
    {
        var (_, instans) = await TillBeredningAsync();
        var fk = (await miljo.Harness.OpenTasksAsync(instans)).Single(t => t.CandidateGroupList.Contains(Person.Medlemsgrupp(miljo.Medlem("Försäkringskassan").Id)));
        var ledamot = new Person("anna@fk.se", [Roller.Styrelse], miljo.Medlem("Försäkringskassan").Id);

        using var scope = miljo.Harness.Services.CreateScope();
        var bedomning = await scope.ServiceProvider.GetRequiredService<Behorighetskontroll>().UppgiftAsync(ledamot, fk, Uppgiftsatgard.Slutfora);

        bedomning.Tillats.Should().BeFalse();
    }

    [Fact]
    public async Task Kansliet_far_lamna_ett_yttrande_for_medlemmen_bara_med_ett_skal()
    {
        var (_, instans) = await TillBeredningAsync();
        var fk = (await miljo.Harness.OpenTasksAsync(instans)).Single(t => t.CandidateGroupList.Contains(Person.Medlemsgrupp(miljo.Medlem("Försäkringskassan").Id)));
        var kansli = new Person("karin@kansli.se", [Roller.Kansli]);
        using var scope = miljo.Harness.Services.CreateScope();
        var behorighet = scope.ServiceProvider.GetRequiredService<Behorighetskontroll>();

        (await behorighet.UppgiftAsync(kansli, fk, Uppgiftsatgard.Slutfora)).Tillats.Should().BeFalse();
        (await behorighet.UppgiftAsync(kansli, fk, Uppgiftsatgard.Slutfora, "Medlemmens företrädare är sjuk; yttrandet lämnat per telefon.")).SomOmbud.Should().BeTrue();
    }

    [Fact]
    public async Task Ett_yttrande_sparas_pa_insatsen_med_den_som_lamnade_det()
    {
        var (insatsId, instans) = await TillBeredningAsync();
        var fk = miljo.Medlem("Försäkringskassan");
        var uppgift = (await miljo.Harness.OpenTasksAsync(instans)).Single(t => t.CandidateGroupList.Contains(Person.Medlemsgrupp(fk.Id)));

        (await miljo.SlutforUppgiftAsync(uppgift, Formular.Yttrande(), "bengt@fk.se")).Genomford.Should().BeTrue();

        var yttrande = (await miljo.InsatsAsync(insatsId)).Yttranden.Should().ContainSingle().Subject;
        yttrande.MedlemId.Should().Be(fk.Id);
        yttrande.LamnatAv.Should().Be("bengt@fk.se");
        yttrande.Tillstyrker.Should().BeTrue();
        yttrande.Ombudsskal.Should().BeNull();
    }

    [Fact]
    public async Task En_ansokan_med_busskort_far_tillbaka_med_budgetraden_och_beloppet_i_svaret()
    {
        var (_, instans) = await miljo.TillAnsokanAsync();

        // The kostnadstyp is picked from the jurists' list; the busskort is in the line's own words.
        var utfall = await miljo.SlutforAsync(instans, "Activity_ansokan", Formular.Ansokan(kostnadstyp: "personal", beskrivning: "Busskort för deltagarna"));

        utfall.Genomford.Should().BeTrue();
        var provning = utfall.Regelprovningar!.Should().ContainSingle(p => !p.Uppfylld).Subject;
        provning.Regelverk.Should().Be("stodberattigande-kostnader");
        var fel = provning.Fel.Should().ContainSingle().Subject;
        fel.Detalj.Should().Be("personal Busskort för deltagarna 625 000");
        fel.RattsligGrund.Should().Contain("FINSAM");
        utfall.Regelprovningar.Where(p => p.Uppfylld).SelectMany(p => p.Regler).Should().OnlyContain(r => r.Meddelande == null && r.Detalj == null);
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
    }

    [Fact]
    public async Task En_ansokan_utan_malgruppens_alder_gar_tillbaka_till_sokanden_med_uppgift_saknas()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        var ansokan = JsonSerializer.SerializeToNode(Formular.Ansokan())!.AsObject();
        ansokan.Remove("malgruppAlderFran");
        ansokan.Remove("malgruppAlderTill");

        var utfall = await miljo.SlutforAsync(instans, "Activity_ansokan", ansokan);

        utfall.Genomford.Should().BeTrue();
        (await miljo.Harness.RunAsync(e => e.IncidentsAsync(instans))).Should().BeEmpty("en uppgift som saknas är inget fel i systemet");
        utfall.Regelprovningar!.SelectMany(p => p.Fel).Should().ContainSingle().Which.Meddelande.Should().StartWith("Uppgift saknas: målgruppens ålder");
        var ater = await miljo.Harness.TaskAsync(instans, "Activity_ansokan");
        ater.CandidateUserList.Should().Equal("karin.strom@norrby.se");
        await miljo.FasenArAsync(insatsId, InsatsFas.Ansokan);
    }

    public void Dispose() => miljo.Dispose();
}
