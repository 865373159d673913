using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class LivscykelTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    [Theory]
    [InlineData("Fullstandig")]
    [InlineData("Delad")]
    [InlineData("Professionell")]
    [InlineData("Strukturell")]
    public async Task En_beviljad_insats_gar_fran_ide_till_avslut_med_implementeringsalternativet(string alternativ)
    {
        var (insatsId, instans) = await miljo.TillGenomforandeAsync();

        await miljo.TillAvslutAsync(insatsId, instans, alternativ);

        (await miljo.Harness.InstanceAsync(instans)).Instance.Status.Should().Be(InstanceStatus.Completed);
        var insats = await miljo.InsatsAsync(insatsId);
        insats.Implementeringsbeslut!.Alternativ.Should().Be(Enum.Parse<Implementeringsalternativ>(alternativ));
        insats.Implementeringsbeslut.Beslutsdatum.Should().Be(new DateOnly(2028, 2, 12));
        insats.Beslut.Should().ContainSingle(b => b.Typ == BeslutsTyp.Bifall && b.BeviljatBelopp == 1_250_000m && b.Paragraf == 12);
        insats.Uppfoljningsrapporter.Should().HaveCountGreaterThanOrEqualTo(3);
        (await miljo.Harness.PathAsync(instans)).Should().Contain(["Activity_regel_impl", "Activity_beslut_implementering", "Event_slutdatum", "Event_avslutad"]);
    }

    [Fact]
    public async Task En_ide_som_avslas_avslutar_processen_och_insatsen_blir_avslagen()
    {
        var (insatsId, instans) = await miljo.StartaInsatsAsync();
        await miljo.KlarAsync(instans, "Activity_idefas", Formular.Idefas());

        await miljo.KlarAsync(instans, "Activity_ide_beslut", Formular.BeredningBeslut("avsla"));

        (await miljo.Harness.InstanceAsync(instans)).Instance.Status.Should().Be(InstanceStatus.Completed);
        (await miljo.Harness.PathAsync(instans)).Should().EndWith("Event_ide_avslagen");
        var insats = await miljo.InsatsAsync(insatsId);
        insats.Fas.Should().Be(InsatsFas.Avslagen);
        insats.Beslut.Should().ContainSingle(b => b.Typ == BeslutsTyp.Avslag);
    }

    [Fact]
    public async Task En_ide_som_ska_kompletteras_gar_tillbaka_till_sokanden_och_sedan_vidare()
    {
        var (insatsId, instans) = await miljo.StartaInsatsAsync();
        await miljo.KlarAsync(instans, "Activity_idefas", Formular.Idefas());

        await miljo.KlarAsync(instans, "Activity_ide_beslut", Formular.BeredningBeslut("komplettera"));

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_idefas");
        await miljo.FasenArAsync(insatsId, InsatsFas.Idefas);
        await miljo.KlarAsync(instans, "Activity_idefas", Formular.Idefas());
        await miljo.KlarAsync(instans, "Activity_ide_beslut", Formular.BeredningBeslut("vidare"));
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
        await miljo.FasenArAsync(insatsId, InsatsFas.Ansokan);
    }

    [Fact]
    public async Task Aterremiss_skickar_arendet_tillbaka_till_yttrandena_och_fasen_till_beredning()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.TillStyrelsebeslutAsync(insatsId, instans);

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut("aterremiss"));

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_yttrande", "Activity_yttrande");
        await miljo.FasenArAsync(insatsId, InsatsFas.Beredning);
        (await miljo.InsatsAsync(insatsId)).Beslut.Should().ContainSingle(b => b.Typ == BeslutsTyp.Aterremiss);
    }

    [Fact]
    public async Task Idens_uppgift_forfaller_20_svenska_arbetsdagar_fram_vid_samma_klockslag_i_Stockholm()
    {
        var (_, instans) = await miljo.StartaInsatsAsync();

        var uppgift = await miljo.Harness.TaskAsync(instans, "Activity_idefas");

        // Started Monday 2 March 2026 at 09:00 in Stockholm; summer time begins 29 March, so 09:00 is 07:00 UTC.
        uppgift.DueAt.Should().Be(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero));
        uppgift.CandidateGroupList.Should().BeEmpty("sökandens steg går till personer, inte till en grupp");
        uppgift.CandidateUserList.Should().Equal(Livscykelmiljo.Sokande);
        uppgift.FormKey.Should().Be("idefas");
    }

    public void Dispose() => miljo.Dispose();
}
