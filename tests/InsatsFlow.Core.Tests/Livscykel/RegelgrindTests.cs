using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class RegelgrindTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    [Fact]
    public async Task En_ansokan_med_busskort_i_beskrivningen_stoppas_med_regelns_meddelande_och_rattsliga_grund()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();

        await miljo.KlarAsync(instans, "Activity_ansokan", Formular.Ansokan(kostnadstyp: "material", beskrivning: "Busskort till deltagarna"));

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
        await miljo.FasenArAsync(insatsId, InsatsFas.Ansokan);
        var resultat = await miljo.RegelresultatAsync(instans, "stodberattigandeKostnader");
        resultat["uppfylld"].Should().Be(false);
        var fel = ((IEnumerable<object?>)resultat["regler"]!).Cast<IReadOnlyDictionary<string, object?>>().Where(r => (string?)r["utfall"] == "ej uppfylld").ToList();
        fel.Should().ContainSingle(r => ((string)r["meddelande"]!).Contains("busskort"));
        ((string)fel.Single()["rattsligGrund"]!).Should().Contain("FINSAM");
        var lagrad = await miljo.Harness.WithDbAsync(db => db.Set<InsatsFlow.Data.Rules.Regelprovning>().Include(p => p.Utfall)
            .SingleAsync(p => p.ProcessInstanceId == instans && p.Regelverk == "stodberattigande-kostnader"));
        lagrad.Uppfylld.Should().BeFalse();
        lagrad.Utfall.Should().Contain(u => u.Meddelande.Contains("busskort") && u.RattsligGrund.Contains("FINSAM"));
        (await miljo.Harness.PathAsync(instans)).Should().NotContain(["Activity_regel_parter", "Activity_fas_beredning"]);
    }

    [Fact]
    public async Task En_javig_ledamot_som_deltar_i_beslutet_hindrar_att_beslutet_registreras()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.TillStyrelsebeslutAsync(insatsId, instans);

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut(javig: "Erik Johansson", javigDeltog: true));

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_styrelsebeslut");
        await miljo.FasenArAsync(insatsId, InsatsFas.Styrelsebeslut);
        var resultat = await miljo.RegelresultatAsync(instans, "javOchBeslutforhet");
        resultat["uppfylld"].Should().Be(false);
        ((IEnumerable<object?>)resultat["fel"]!).Select(f => f?.ToString()).Should().Contain(f => f!.Contains("jäv"));
        (await miljo.InsatsAsync(insatsId)).Beslut.Should().BeEmpty();
    }

    [Fact]
    public async Task Samma_beslut_utan_den_javiga_ledamoten_gar_igenom()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.TillStyrelsebeslutAsync(insatsId, instans);
        await miljo.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut(javig: "Erik Johansson", javigDeltog: true));

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut(javig: "Erik Johansson"));

        await miljo.FasenArAsync(insatsId, InsatsFas.Genomforande);
    }

    [Fact]
    public async Task Ett_formular_med_fel_nekas_falt_for_falt_och_andrar_ingenting()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        var fore = await miljo.Harness.InstanceAsync(instans);

        var utfall = await miljo.SlutforAsync(instans, "Activity_ansokan", new { projektstyrning = "Styrgrupp", budgetrader = new[] { new { kostnadstyp = "personal", ar = 2026, belopp = "många" } } });

        utfall.Genomford.Should().BeFalse();
        utfall.Fel.Select(f => f.Falt).Should().Contain(["budgetrader[0].belopp", "tidplan", "periodSlut"]);
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
        (await miljo.Harness.InstanceAsync(instans)).Instance.Version.Should().Be(fore.Instance.Version);
        (await miljo.InsatsAsync(insatsId)).Avsnitt.ProjektstyrningOchOrganisation.Should().BeNull();
    }

    [Fact]
    public async Task En_okand_medlem_i_ansokan_nekas_och_insatsen_forblir_orord()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();

        var utfall = await miljo.SlutforAsync(instans, "Activity_ansokan", Formular.Ansokan(medlemmar: ["Försäkringskassan", "Mittby kommun"]));

        utfall.Fel.Should().ContainSingle(f => f.Falt == "berordaMedlemmar[1].medlem" && f.Meddelande.Contains("Mittby kommun"));
        var insats = await miljo.InsatsAsync(insatsId);
        insats.Budgetrader.Should().BeEmpty();
        insats.InvolveradeMedlemmar.Should().BeEmpty();
    }

    [Fact]
    public async Task Den_som_inte_ar_insatsens_sokande_far_inte_fylla_i_ansokan_och_ingenting_andras()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        var uppgift = await miljo.Harness.TaskAsync(instans, "Activity_ansokan");

        using var scope = miljo.Harness.Services.CreateScope();
        var forsok = () => scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>().SlutforAsync(
            uppgift.Id, new TaskActor("kalle.kansli", "kansli"), System.Text.Json.JsonSerializer.SerializeToElement(Formular.Ansokan()));

        await forsok.Should().ThrowAsync<EngineValidationException>().WithMessage("*kalle.kansli är inte tilldelad*");
        var insats = await miljo.InsatsAsync(insatsId);
        insats.Budgetrader.Should().BeEmpty();
        insats.Avsnitt.Resurser.Should().BeNull();
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
    }

    public void Dispose() => miljo.Dispose();
}
