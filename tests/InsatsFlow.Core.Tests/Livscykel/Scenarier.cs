using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>Whole stretches of the lifecycle, checking at each step that the insats's phase matches where its instance stands.</summary>
public static class Scenarier
{
    public static async Task FasenArAsync(this Livscykelmiljo m, Guid insatsId, InsatsFas fas) =>
        (await m.InsatsAsync(insatsId)).Fas.Should().Be(fas);

    /// <summary>From start to the sökande's ansökan form.</summary>
    public static async Task<(Guid InsatsId, string Instans)> TillAnsokanAsync(this Livscykelmiljo m)
    {
        var (insatsId, instans) = await m.StartaInsatsAsync();
        await m.FasenArAsync(insatsId, InsatsFas.Idefas);
        await m.KlarAsync(instans, "Activity_idefas", Formular.Idefas());
        await m.KlarAsync(instans, "Activity_ide_beslut", Formular.BeredningBeslut("vidare"));
        (await m.OppnaAsync(instans)).Should().Equal("Activity_ansokan");
        await m.FasenArAsync(insatsId, InsatsFas.Ansokan);
        return (insatsId, instans);
    }

    /// <summary>From the ansökan form to the styrelse's registration of its decision.</summary>
    public static async Task TillStyrelsebeslutAsync(this Livscykelmiljo m, Guid insatsId, string instans)
    {
        await m.KlarAsync(instans, "Activity_ansokan", Formular.Ansokan());
        (await m.OppnaAsync(instans)).Should().Equal("Activity_yttrande", "Activity_yttrande");
        await m.FasenArAsync(insatsId, InsatsFas.Beredning);
        await m.YttrandenAsync(instans);
        (await m.OppnaAsync(instans)).Should().Equal("Activity_forslag_till_beslut");
        await m.KlarAsync(instans, "Activity_forslag_till_beslut", Formular.ForslagTillBeslut());
        (await m.OppnaAsync(instans)).Should().Equal("Activity_styrelsebeslut");
        await m.FasenArAsync(insatsId, InsatsFas.Styrelsebeslut);
    }

    public static async Task YttrandenAsync(this Livscykelmiljo m, string instans)
    {
        foreach (var uppgift in (await m.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_yttrande").ToList())
            (await m.SlutforUppgiftAsync(uppgift, Formular.Yttrande(), "bo.beredning")).Fel.Should().BeEmpty();
        (await m.Harness.RunAsync(e => e.IncidentsAsync(instans))).Select(i => $"{i.ElementId}: {i.Message}").Should().BeEmpty();
    }

    /// <summary>From start to genomförande, granted by the styrelse on 10 June 2026.</summary>
    public static async Task<(Guid InsatsId, string Instans)> TillGenomforandeAsync(this Livscykelmiljo m)
    {
        var (insatsId, instans) = await m.TillAnsokanAsync();
        await m.TillStyrelsebeslutAsync(insatsId, instans);
        await m.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut());
        await m.FasenArAsync(insatsId, InsatsFas.Genomforande);
        (await m.OppnaAsync(instans)).Should().BeEmpty("genomförandet väntar på uppföljningsperioden");
        return (insatsId, instans);
    }

    /// <summary>Genomförande to avslut: every uppföljning reported in time, the implementeringsbeslut taken, the slutrapport submitted.</summary>
    public static async Task TillAvslutAsync(this Livscykelmiljo m, Guid insatsId, string instans, string alternativ)
    {
        for (var steg = 0; steg < 40; steg++)
        {
            var oppna = await m.OppnaAsync(instans);
            if (oppna.Contains("Activity_slutrapport")) break;
            if (oppna.Count == 0)
            {
                await m.TillNastaTimerAsync(instans);
                continue;
            }
            var uppgift = oppna[0];
            var idag = DateOnly.FromDateTime(m.Harness.Clock.GetUtcNow().UtcDateTime);
            switch (uppgift)
            {
                case "Activity_uppfoljningsrapport":
                    await m.KlarAsync(instans, uppgift, Formular.Uppfoljning(idag.AddMonths(-6).ToString("yyyy-MM-dd"), idag.ToString("yyyy-MM-dd")));
                    break;
                case "Activity_implementeringsforslag":
                    await m.FasenArAsync(insatsId, InsatsFas.Implementeringsbeslut);
                    await m.KlarAsync(instans, uppgift, Formular.Implementeringsforslag(alternativ));
                    break;
                case "Activity_implementeringsbeslut":
                    await m.KlarAsync(instans, uppgift, Formular.Implementeringsbeslut(alternativ));
                    break;
                default:
                    throw new InvalidOperationException($"Oväntad uppgift {uppgift} ({string.Join(", ", oppna)}).");
            }
        }
        (await m.OppnaAsync(instans)).Should().Equal("Activity_slutrapport");
        await m.KlarAsync(instans, "Activity_slutrapport", Formular.Slutrapport());
        await m.FasenArAsync(insatsId, InsatsFas.Avslutad);
    }
}
