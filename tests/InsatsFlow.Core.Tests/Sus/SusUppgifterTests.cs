using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;
using InsatsFlow.Core.Tests.Arkiv;
using InsatsFlow.Core.Tests.Livscykel;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Sus;

/// <summary>The SUS fields of an insats, their value lists (sus/vardelistor.json) and the rule that they are there before a beslut.</summary>
public sealed class SusUppgifterTests : IDisposable
{
    private readonly Susmiljo m = new();
    private static readonly DateOnly Idag = new(2026, 3, 1);

    private Task<SusResultat> ProvaAsync(Insats insats) => m.MedAsync(sp => sp.GetRequiredService<SusProvning>().ProvaAsync(insats, Idag));

    private Task<IReadOnlyList<Valideringsfel>> RegistreraAsync(Insats insats, SusIn sus) =>
        m.MedAsync(sp => Task.FromResult(sp.GetRequiredService<SusRegistrering>().Tillampa(insats, sus)));

    [Fact]
    public async Task En_insats_med_alla_SUS_uppgifter_kan_beslutas()
    {
        var resultat = await ProvaAsync(m.Komplett());

        resultat.Godkand.Should().BeTrue(string.Join(" ", resultat.Saknas));
        resultat.Uppgifter.Regelverk.Should().Be("sus-uppgifter");
        resultat.Granskning.Regelverk.Should().Be("sus-granskning");
    }

    [Fact]
    public async Task En_insats_utan_SUS_uppgifter_far_veta_allt_som_saknas_pa_svenska()
    {
        var insats = m.Komplett();
        insats.Sus = new SusUppgifter();
        insats.SusArsplaner.Clear();
        insats.SusBudgetposter.Clear();

        var resultat = await ProvaAsync(insats);

        resultat.Godkand.Should().BeFalse();
        resultat.Saknas.Should().Equal(
            "SUS-beskrivningen av insatsen saknas.",
            "Inriktning saknas (individinriktad eller strukturövergripande).",
            "Preciserad inriktning saknas eller finns inte i värdelistan.",
            "Mätningsmetod saknas (med personuppgifter/anonym eller endast antal).",
            "Minst en specifik målgrupp ska anges.",
            "Planerat antal deltagare saknas för ett eller flera av insatsens kalenderår.",
            "SUS-budget saknas för ett eller flera av insatsens kalenderår.");
        resultat.Text.Should().StartWith("SF 2025/031 Vägen till arbete: SUS-beskrivningen av insatsen saknas.");
    }

    [Fact]
    public async Task En_strukturovergripande_insats_far_inte_registreras_som_individinriktad()
    {
        var insats = m.Komplett();
        insats.Sus.PreciseradInriktning = "kompetensutveckling";

        var resultat = await ProvaAsync(insats);

        resultat.Uppgifter.Regler.Single(r => r.Regel == "StrukturellInsatsArInteIndividinriktad").Utfall.Should().Be(InsatsFlow.Rules.Evaluation.Utfall.EjUppfylld);
        resultat.Saknas.Should().ContainSingle().Which.Should().Contain("en strukturövergripande insats får inte registreras som individinriktad");
    }

    [Fact]
    public async Task Registreringen_avvisar_en_preciserad_inriktning_som_hor_till_den_andra_inriktningen()
    {
        var insats = m.Komplett();
        insats.Beslut.Clear();

        var fel = await RegistreraAsync(insats, new SusIn("Kompetens för handläggare.", "individinriktad", "kompetensutveckling", null, ["personal-hos-parterna"], [], []));

        fel.Should().ContainSingle().Which.Should().Be(new Valideringsfel("preciseradInriktning", "\"Kompetensutveckling\" hör till inriktningen Strukturövergripande, inte Individinriktad."));
    }

    [Fact]
    public async Task En_strukturovergripande_insats_mats_som_volyminsats_om_inget_annat_anges()
    {
        var insats = m.Komplett();
        insats.Beslut.Clear();

        var fel = await RegistreraAsync(insats, new SusIn("Gemensam kompetensutveckling.", "strukturovergripande", "kompetensutveckling", null, ["personal-hos-parterna"], [], []));

        fel.Should().BeEmpty();
        insats.Sus.Matningsmetod.Should().Be("endast-antal");
    }

    [Fact]
    public async Task Ett_varde_utanfor_vardelistan_avvisas_med_faltet_namngivet_och_inget_andras()
    {
        var insats = m.Komplett();
        insats.Beslut.Clear();
        var fore = insats.Sus;

        var fel = await RegistreraAsync(insats, new SusIn("x", "individinriktad", "samordnad-rehabilitering", null, ["sjukskrivna", "pensionarer"],
            [], [new(2026, "lonekostnad", 10m, null, null)]));

        fel.Select(f => f.Falt).Should().Equal("malgrupper[1]", "budgetposter[0].budgettyp");
        insats.Sus.Should().BeSameAs(fore);
    }

    [Fact]
    public async Task Inriktning_och_matningsmetod_andras_inte_sedan_insatsen_beviljats()
    {
        var insats = m.Komplett();

        var fel = await RegistreraAsync(insats, new SusIn("x", "strukturovergripande", "kompetensutveckling", null, ["sjukskrivna"], [], []));

        fel.Select(f => f.Meddelande).Should().Contain("Insatsen är beviljad och registrerad i SUS; inriktningen ändras inte längre.");
    }

    [Fact]
    public async Task SUS_tar_inte_emot_ett_namn_over_100_tecken()
    {
        var insats = m.Komplett(titel: new string('a', 101));

        var resultat = await ProvaAsync(insats);

        resultat.Uppgifter.Uppfylld.Should().BeTrue();
        resultat.Saknas.Should().Equal("Insatsens namn är längre än SUS tar emot (100 tecken).");
    }

    [Fact]
    public async Task Utfall_i_en_uppfoljningsrapport_raknas_in_i_arets_utfall_nar_kansliet_inte_registrerat_nagot()
    {
        var insats = m.Komplett();
        insats.Uppfoljningsrapporter.Add(new Uppfoljningsrapport
        {
            PeriodFran = new(2026, 7, 1), PeriodTill = new(2026, 12, 31), SistaDag = new(2027, 1, 31), DeltagarePaborjade = 12, DeltagareAvslutade = 4,
            Utfall = [new() { Budgettyp = "esf-insatskostnad", Belopp = 40_000m }, new() { Budgettyp = "insatskostnad", Belopp = 1m }],
        });

        insats.SusUtfall(2026, "esf-insatskostnad").Should().Be(40_000m);
        insats.SusUtfall(2026, "insatskostnad").Should().Be(850_250.5m, "det kansliet registrerat gäller före rapporterna");
        insats.SusUtfall(2027, "insatskostnad").Should().BeNull();
        (await ProvaAsync(insats)).Godkand.Should().BeTrue();
    }

    [Fact]
    public void Vardelistorna_i_repot_har_bada_inriktningarna_och_bada_budgettyperna()
    {
        var katalog = SusKatalog.LaddaFran(Path.Combine(Livscykelmiljo.Repo(), "sus"));

        katalog.Vardelistor.Inriktningar.Select(i => i.Kod).Should().Equal("individinriktad", "strukturovergripande");
        katalog.Vardelistor.Inriktning("strukturovergripande")!.StandardMatningsmetod.Should().Be("endast-antal");
        katalog.Vardelistor.Budgettyper.Select(b => b.Namn).Should().Equal("Insatskostnad", "ESF Insatskostnad");
    }

    [Fact]
    public void En_trasig_vardelista_stoppas_med_filen_och_felet_namngivna()
    {
        var katalog = Directory.CreateTempSubdirectory("insatsflow-sus-");
        try
        {
            File.WriteAllText(Path.Combine(katalog.FullName, "vardelistor.json"), """
                { "inriktningar": [ { "kod": "individinriktad", "namn": "Individinriktad", "standardMatningsmetod": "saknas", "preciseradeInriktningar": [] } ],
                  "matningsmetoder": [ { "kod": "endast-antal", "namn": "Endast antal" } ], "malgrupper": [], "budgettyper": [] }
                """);

            FluentActions.Invoking(() => SusKatalog.LaddaFran(katalog.FullName)).Should().Throw<SusKonfigurationsfel>()
                .WithMessage("*vardelistor.json: inriktningen individinriktad har standardMatningsmetod \"saknas\", som inte finns bland matningsmetoder.");
        }
        finally
        {
            katalog.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Styrelsen_kan_inte_bevilja_en_insats_som_saknar_det_SUS_behover()
    {
        using var livscykel = new Livscykelmiljo(medSus: true);
        var (id, instans) = await livscykel.TillAnsokanAsync();
        await livscykel.TillStyrelsebeslutAsync(id, instans);

        var utan = await livscykel.SlutforAsync(instans, "Activity_styrelsebeslut", Livscykel.Formular.Styrelsebeslut());

        utan.Fel.Should().ContainSingle().Which.Meddelande.Should().StartWith("Insatsen saknar det som SUS behöver innan den kan beviljas: SUS-beskrivningen av insatsen saknas.");
        (await livscykel.OppnaAsync(instans)).Should().Equal("Activity_styrelsebeslut");
        await ArkivpaketVard.RegistreraSusAsync(livscykel, id);
        await livscykel.KlarAsync(instans, "Activity_styrelsebeslut", Livscykel.Formular.Styrelsebeslut());
        await livscykel.FasenArAsync(id, InsatsFas.Genomforande);
    }

    public void Dispose() => m.Dispose();
}
