using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class LivscykelTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    [Fact]
    public async Task En_ide_som_gar_vidare_blir_en_ansokan_och_fasen_foljer_med()
    {
        var (insatsId, instans) = await miljo.StartaInsatsAsync();
        (await miljo.InsatsAsync(insatsId)).Fas.Should().Be(InsatsFas.Idefas);
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_idefas");

        await miljo.KlarAsync(instans, "Activity_idefas", Formular.Idefas());
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ide_beslut");

        await miljo.KlarAsync(instans, "Activity_ide_beslut", Formular.BeredningBeslut("vidare"));
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
        (await miljo.InsatsAsync(insatsId)).Fas.Should().Be(InsatsFas.Ansokan);
    }

    public void Dispose() => miljo.Dispose();
}
