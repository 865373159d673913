using System.Net;
using System.Text;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Behorighet;

/// <summary>
/// Every endpoint of the arbetsflöden, instanser, regelverk, dokument, insatser, SUS and export APIs, and the inbox lists, × every
/// role and machine-client scope: 401 without sign-in, 403 for a role that may not, 2xx for a role that may (with real data behind the call).
/// Acting on one task also depends on the assignment; that is specified in UppgifterApiTests.
/// </summary>
public sealed class RollmatrisTests(RollmatrisVard vard) : IClassFixture<RollmatrisVard>
{
    private const string Anonym = "anonym";

    private static readonly string[] ArbetsflodenLasa = [Roller.Kansli, Roller.Admin, Roller.Jurist, Roller.Revisor];
    private static readonly string[] ArbetsflodenSkriva = [Roller.Kansli, Roller.Admin];
    private static readonly string[] InstanserLasa = [Roller.Kansli, Roller.Admin, Roller.Revisor];
    private static readonly string[] InstanserSkriva = [Roller.Kansli, Roller.Admin];
    private static readonly string[] RegelverkLasa = [Roller.Jurist, Roller.Kansli, Roller.Admin, Roller.Revisor];
    private static readonly string[] RegelverkProva = [Roller.Jurist, Roller.Kansli, Roller.Admin];
    private static readonly string[] AllaRoller = [.. Roller.Alla];
    /// <summary>Every role, because the endpoint asks only for a signed-in caller (a machine client of any scope too).</summary>
    private static readonly string[] Inloggad = [.. Roller.Alla];
    private static readonly string[] InsatsRegistrera = [Roller.Kansli, Roller.Sokande];
    private static readonly string[] UppgiftSe = [Roller.Kansli, Roller.Admin, Roller.Revisor];
    private static readonly string[] DokumentLasa = [Roller.Kansli, Roller.Admin, Roller.Revisor, Roller.Styrelse, Roller.Beredningsgrupp, Roller.Sokande];
    private static readonly string[] SusExport = [Roller.Kansli, Roller.Styrelse, Roller.Revisor, Roller.Admin];
    private static readonly string[] Arkivera = [Roller.Kansli, Roller.Admin];
    private static readonly string[] SusRegistrera = [Roller.Kansli, Roller.Sokande];
    private static readonly string[] ParametrarLasa = [.. Behorighetskontroll.ParameterlasandeRoller];
    /// <summary>The förbund's admin and its förbundschef (the demo kansli is one).</summary>
    private static readonly string[] ParametrarAndra = [Roller.Admin, Roller.Kansli];
    private static readonly string[] MallarLasa = [.. Behorighetskontroll.MallasandeRoller];
    private static readonly string[] MallarPublicera = [Roller.Kansli, Roller.Admin];
    /// <summary>Nobody in a förbund: the installation's admin alone (InstallationTests).</summary>
    private static readonly string[] Installationen = [];
    private static readonly int DemoAr = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

    /// <summary>Hälsodisken's SUS fields as the demo has them: registering them again changes nothing SUS keeps.</summary>
    private static string HalsodiskensSus() => $$"""
        {"beskrivning":"En gemensam mottagning.","inriktning":"individinriktad","preciseradInriktning":"samordnad-rehabilitering",
         "matningsmetod":"personuppgifter-eller-anonym","malgrupper":["sjukskrivna","psykisk-ohalsa"],
         "arsplaner":[{"ar":{{DemoAr - 1}},"planeradeDeltagare":60},{"ar":{{DemoAr}},"planeradeDeltagare":70},{"ar":{{DemoAr + 1}},"planeradeDeltagare":10}],
         "budgetposter":[{"ar":{{DemoAr - 1}},"budgettyp":"insatskostnad","budget":920000,"utfall":874500},{"ar":{{DemoAr}},"budgettyp":"insatskostnad","budget":1040000,"utfall":480000},
                         {"ar":{{DemoAr + 1}},"budgettyp":"insatskostnad","budget":80000}]}
        """;

    private sealed record Anrop(string[] Roller, Func<RollmatrisVard, Task<HttpRequestMessage>> Bygg);

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Skicka(HttpMethod metod, string url, string? innehall = null, string typ = "application/json") =>
        Task.FromResult(new HttpRequestMessage(metod, url) { Content = innehall is null ? null : new StringContent(innehall, Encoding.UTF8, typ) });

    private static readonly Dictionary<string, Anrop> Anropen = new()
    {
        ["GET /api/arbetsfloden"] = new(ArbetsflodenLasa, _ => Get("/api/arbetsfloden")),
        ["GET /api/arbetsfloden/processer/{nyckel}/versioner"] = new(ArbetsflodenLasa, _ => Get("/api/arbetsfloden/processer/matris/versioner")),
        ["GET /api/arbetsfloden/processer/{nyckel}/versioner/{version}/xml"] = new(ArbetsflodenLasa, _ => Get("/api/arbetsfloden/processer/matris/versioner/1/xml")),
        ["GET /api/arbetsfloden/processer/{nyckel}/diff"] = new(ArbetsflodenLasa, _ => Get("/api/arbetsfloden/processer/matris/diff?fran=1&till=2")),
        ["POST /api/arbetsfloden/validera"] = new(ArbetsflodenLasa, _ => Skicka(HttpMethod.Post, "/api/arbetsfloden/validera", Provfloden.Granskning(), "application/xml")),
        ["GET /api/arbetsfloden/utkast"] = new(ArbetsflodenLasa, _ => Get("/api/arbetsfloden/utkast")),
        ["GET /api/arbetsfloden/utkast/{id}"] = new(ArbetsflodenLasa, v => Get($"/api/arbetsfloden/utkast/{v.Utkast}")),
        ["POST /api/arbetsfloden/utkast"] = new(ArbetsflodenSkriva, _ => Skicka(HttpMethod.Post, "/api/arbetsfloden/utkast", Provfloden.Granskning("matris-nytt"), "application/xml")),
        ["PUT /api/arbetsfloden/utkast/{id}"] = new(ArbetsflodenSkriva, v => Skicka(HttpMethod.Put, $"/api/arbetsfloden/utkast/{v.Utkast}", Provfloden.Granskning("matris-utkast"), "application/xml")),
        ["POST /api/arbetsfloden/utkast/{id}/validera"] = new(ArbetsflodenLasa, v => Skicka(HttpMethod.Post, $"/api/arbetsfloden/utkast/{v.Utkast}/validera")),
        ["POST /api/arbetsfloden/provkorning"] = new(ArbetsflodenSkriva, _ => Skicka(HttpMethod.Post, "/api/arbetsfloden/provkorning?antal=1", Provfloden.Granskning("matris-provkorning"), "application/xml")),
        ["POST /api/arbetsfloden/utkast/{id}/publicera"] = new(ArbetsflodenSkriva, v => Skicka(HttpMethod.Post, $"/api/arbetsfloden/utkast/{v.Utkast}/publicera")),

        ["GET /api/instanser"] = new(InstanserLasa, _ => Get("/api/instanser?process=matris")),
        ["GET /api/instanser/{id}"] = new(InstanserLasa, v => Get($"/api/instanser/{v.Instans}")),
        ["GET /api/instanser/{id}/journal"] = new(InstanserLasa, v => Get($"/api/instanser/{v.Instans}/journal")),
        ["GET /api/instanser/{id}/journal/verifiering"] = new(InstanserLasa, v => Get($"/api/instanser/{v.Instans}/journal/verifiering")),
        ["GET /api/instanser/{id}/incidenter"] = new(InstanserLasa, v => Get($"/api/instanser/{v.IncidentInstans}/incidenter")),
        ["POST /api/instanser/{id}/incidenter/{incidentId}/forsok-igen"] = new(InstanserSkriva, async v =>
            await Skicka(HttpMethod.Post, $"/api/instanser/{v.IncidentInstans}/incidenter/{await v.OppenIncidentAsync()}/forsok-igen")),
        ["GET /api/incidenter"] = new(InstanserSkriva, _ => Get("/api/incidenter")),
        ["GET /api/incidenter/{id}"] = new(InstanserSkriva, async v => await Get($"/api/incidenter/{await v.OppenIncidentAsync()}")),
        ["POST /api/incidenter/{id}/forsok-igen"] = new(InstanserSkriva, async v =>
            await Skicka(HttpMethod.Post, $"/api/incidenter/{await v.OppenIncidentAsync()}/forsok-igen")),
        ["POST /api/incidenter/{id}/avbryt"] = new(InstanserSkriva, async v =>
            await Skicka(HttpMethod.Post, $"/api/incidenter/{await v.NyIncidentAsync()}/avbryt", """{"skal":"Provkörning i rollmatrisen."}""")),
        ["POST /api/instanser/{id}/migrering/provkorning"] = new(InstanserSkriva, v =>
            Skicka(HttpMethod.Post, $"/api/instanser/{v.Instans}/migrering/provkorning", """{"malDefinition":"matris:2"}""")),
        ["POST /api/instanser/{id}/migrering"] = new(InstanserSkriva, async v =>
            await Skicka(HttpMethod.Post, $"/api/instanser/{await v.StartaAsync("matris")}/migrering", """{"malDefinition":"matris:1"}""")),

        ["POST /api/budgetprocesser"] = new(InstanserSkriva, async v =>
            await Skicka(HttpMethod.Post, "/api/budgetprocesser", $$"""{"budgetar":{{await v.LedigtBudgetarAsync()}}}""")),

        ["GET /api/regelverk"] = new(RegelverkLasa, _ => Get("/api/regelverk")),
        ["GET /api/regelverk/tester"] = new(RegelverkLasa, _ => Get("/api/regelverk/tester?regelverk=malgrupp")),
        ["GET /api/regelverk/{regelverk}"] = new(RegelverkLasa, _ => Get("/api/regelverk/malgrupp")),
        ["GET /api/regelverk/{regelverk}/tillampningar"] = new(RegelverkLasa, _ => Get("/api/regelverk/malgrupp/tillampningar")),
        ["POST /api/regelverk/{regelverk}/prova"] = new(RegelverkProva, v => Skicka(HttpMethod.Post, "/api/regelverk/malgrupp/prova", v.ProvaBody)),
        ["GET /api/regelverk/kommande"] = new(RegelverkLasa, _ => Get("/api/regelverk/kommande")),
        ["GET /api/regelverk/{regelverk}/jamforelse"] = new(RegelverkLasa, _ => Get("/api/regelverk/balanskrav/jamforelse?fran=2004.1&till=2024.1")),
        ["GET /api/regelverk/{regelverk}/underlag"] = new(RegelverkProva, _ => Get("/api/regelverk/balanskrav/underlag?arende=2026&datum=2025-11-22")),
        ["POST /api/regelverk/konsekvensanalys"] = new(RegelverkProva, v => Skicka(HttpMethod.Post, "/api/regelverk/konsekvensanalys", v.Utkastfil)),
        ["POST /api/regelverk/konsekvensanalys/csv"] = new(RegelverkProva, v => Skicka(HttpMethod.Post, "/api/regelverk/konsekvensanalys/csv?alla=true", v.Utkastfil)),

        ["GET /api/dokument"] = new(DokumentLasa, v => Get($"/api/dokument?instans={v.Instans}")),
        ["GET /api/dokument/{id}"] = new(DokumentLasa, v => Get($"/api/dokument/{v.Dokument}")),
        ["GET /api/dokument/{id}/uppgifter"] = new(DokumentLasa, v => Get($"/api/dokument/{v.Dokument}/uppgifter")),

        ["GET /api/export/sus"] = new(SusExport, _ => Get($"/api/export/sus?ar={DemoAr}&format=xlsx")),
        ["GET /api/export/arkiv"] = new(Arkivera, _ => Get("/api/export/arkiv?diarienummer=" + Uri.EscapeDataString($"SF {DemoAr - 5}/004"))),
        ["GET /api/sus/vardelistor"] = new(AllaRoller, _ => Get("/api/sus/vardelistor")),
        ["PUT /api/insatser/{id}/sus"] = new(SusRegistrera, async v => await Skicka(HttpMethod.Put, $"/api/insatser/{await v.InsatsIdAsync("Hälsodisken")}/sus", HalsodiskensSus())),
        ["PUT /api/insatser/{id}/diarium/{lopnummer}"] = new([Roller.Kansli], async v => await Skicka(HttpMethod.Put,
            $"/api/insatser/{await v.InsatsIdAsync("Hälsodisken")}/diarium/2", $$"""{"justerad":"{{DemoAr - 2}}-12-14","anslagen":"{{DemoAr - 2}}-12-15"}""")),

        ["GET /api/insatser"] = new(AllaRoller, _ => Get("/api/insatser")),
        ["GET /api/insatser/{id}"] = new(AllaRoller, async v => await Get($"/api/insatser/{await v.InsatsIdAsync("Hälsodisken")}")),
        ["POST /api/insatser"] = new(InsatsRegistrera, _ => Skicka(HttpMethod.Post, "/api/insatser", """{"titel":"Matrisinsats","sokandeOrganisation":"Norrby kommun"}""")),
        ["GET /api/uppgifter/mina"] = new(Inloggad, _ => Get("/api/uppgifter/mina")),
        ["GET /api/uppgifter/grupp"] = new(Inloggad, _ => Get("/api/uppgifter/grupp")),
        ["GET /api/konto/jag"] = new(Inloggad, _ => Get("/api/konto/jag")),
        // a task of the kansli's group: its candidates act on it, the overseeing roles read it, nobody else
        ["GET /api/uppgifter/{id}"] = new(UppgiftSe, async v => await Get($"/api/uppgifter/{await v.UppgiftAsync()}")),
        ["GET /api/uppgifter/{id}/underlag"] = new(UppgiftSe, async v => await Get($"/api/uppgifter/{await v.UppgiftAsync()}/underlag")),

        ["GET /api/forbund/parametrar"] = new(ParametrarLasa, _ => Get("/api/forbund/parametrar")),
        ["PUT /api/forbund/parametrar/{regelverk}/{namn}"] = new(ParametrarAndra, _ => Skicka(HttpMethod.Put, "/api/forbund/parametrar/jav-och-beslutforhet/beslutforhetAndel", """{"varde":0.5}""")),
        ["DELETE /api/forbund/parametrar/{regelverk}/{namn}"] = new(ParametrarAndra, _ => Skicka(HttpMethod.Delete, "/api/forbund/parametrar/jav-och-beslutforhet/beslutforhetAndel")),
        ["GET /api/forbund/handelser"] = new(ParametrarLasa, _ => Get("/api/forbund/handelser")),
        ["GET /api/forbund/mallar"] = new(MallarLasa, _ => Get("/api/forbund/mallar")),
        ["GET /api/forbund/mallar/{namn}"] = new(MallarLasa, _ => Get("/api/forbund/mallar/beslutsbrev")),
        ["POST /api/forbund/mallar/{namn}/versioner"] = new(MallarPublicera, _ => Skicka(HttpMethod.Post, "/api/forbund/mallar/paminnelse/versioner", """{"text":"<p>Matris</p>"}""")),
        ["GET /api/installation/forbund"] = new(Installationen, _ => Get("/api/installation/forbund")),
        ["POST /api/installation/forbund"] = new(Installationen, _ => Skicka(HttpMethod.Post, "/api/installation/forbund", """{"namn":"Matrisförbundet"}""")),
        ["GET /api/installation/forbund/{id}/export"] = new([Roller.Admin], async v => await Get($"/api/installation/forbund/{await v.ForbundIdAsync(InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer)}/export")),

        ["GET /api/integration/klienter"] = new([Roller.Admin], _ => Get("/api/integration/klienter")),
        ["POST /api/integration/klienter"] = new([Roller.Admin], _ => Skicka(HttpMethod.Post, "/api/integration/klienter",
            $$"""{"namn":"matris-{{Guid.NewGuid():N}}","omfang":["lasa"]}""")),
        ["GET /api/integration/webhooks"] = new([Roller.Admin], _ => Get("/api/integration/webhooks")),
        ["POST /api/integration/webhooks"] = new([Roller.Admin], _ => Skicka(HttpMethod.Post, "/api/integration/webhooks",
            """{"url":"http://127.0.0.1:9/matris","handelser":["insats.registrerad"]}""")),
    };

    /// <summary>
    /// A machine client acts in the roles of its scopes (Core/Behorighet/Omfang): "lasa" as the revisor, "registrera-insats"
    /// as a sökande; "handlagga-uppgifter" adds no role, so alone it reaches only what every signed-in caller reaches.
    /// </summary>
    private static readonly Dictionary<string, Func<string, string[], bool>> Maskinklienter = new()
    {
        [ApiVard.Klientprefix + Omfang.Lasa] = (_, roller) => roller.Contains(Roller.Revisor),
        [ApiVard.Klientprefix + Omfang.RegistreraInsats] = (anrop, roller) => roller.Contains(Roller.Sokande) && !KontaktpersonensAnrop.Contains(anrop),
        [ApiVard.Klientprefix + Omfang.HandlaggaUppgifter] = (_, roller) => ReferenceEquals(roller, Inloggad),
    };

    /// <summary>Calls on Hälsodisken, where the demo sökande is kontaktperson; a registering client is one only of its own insatser.</summary>
    private static readonly string[] KontaktpersonensAnrop = ["GET /api/dokument/{id}", "GET /api/dokument/{id}/uppgifter", "PUT /api/insatser/{id}/sus", "GET /api/insatser/{id}"];

    public static TheoryData<string, string> Fall()
    {
        var data = new TheoryData<string, string>();
        foreach (var anrop in Anropen.Keys)
            foreach (var roll in Roller.Alla.Append(Anonym).Concat(Maskinklienter.Keys))
                data.Add(anrop, roll);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fall))]
    public async Task Anropet_svarar_401_utan_inloggning_403_for_fel_roll_och_2xx_for_ratt_roll(string anrop, string roll)
    {
        var (roller, bygg) = Anropen[anrop];
        var client = await vard.SomAsync(roll);

        using var response = await client.SendAsync(await bygg(vard));

        var far = Maskinklienter.TryGetValue(roll, out var klientFar) ? klientFar(anrop, roller) : roller.Contains(roll);
        if (roll == Anonym) response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // an insats the caller may not see is 404 where the endpoint hides that it exists (the SUS registration)
        else if (!far && Maskinklienter.ContainsKey(roll) && KontaktpersonensAnrop.Contains(anrop))
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        else if (!far) response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        else ((int)response.StatusCode).Should().BeInRange(200, 299, "{0} får anropa {1}; svaret var {2}", roll, anrop, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls that name one of Samordningsförbundet Demo's insatser, instances, tasks, incidents or documents.</summary>
    private static bool NamnerEttForbundsArende(string anrop) =>
        (anrop.Contains("/api/instanser/{id}", StringComparison.Ordinal) || anrop.Contains("/api/incidenter/{id}", StringComparison.Ordinal)
         || anrop.Contains("/api/dokument/{id}", StringComparison.Ordinal) || anrop.Contains("/api/uppgifter/{id}", StringComparison.Ordinal)
         || anrop.Contains("/api/insatser/{id}", StringComparison.Ordinal) || anrop == "GET /api/export/arkiv"
         || anrop.Contains("/api/installation/forbund/{id}", StringComparison.Ordinal));

    public static TheoryData<string, string> AndraForbundetsFall()
    {
        var data = new TheoryData<string, string>();
        foreach (var anrop in Anropen.Keys)
            foreach (var roll in Roller.Alla)
                data.Add(anrop, roll);
        return data;
    }

    /// <summary>
    /// The whole matrix again with Samordningsförbundet Nordvik's accounts, on Samordningsförbundet Demo's data: a call that names
    /// one of Demo's things is refused or not found (404, nothing revealed); every other call answers without a trace of Demo's.
    /// </summary>
    [Theory]
    [MemberData(nameof(AndraForbundetsFall))]
    public async Task Ett_annat_forbunds_konto_far_inte_se_eller_rora_forbundets_arenden(string anrop, string roll)
    {
        var (_, bygg) = Anropen[anrop];
        var client = await vard.SomNordvikAsync(roll);

        using var request = await bygg(vard);
        var fraga = request.RequestUri + (request.Content is null ? "" : await request.Content.ReadAsStringAsync());
        using var response = await client.SendAsync(request);
        var svar = await response.Content.ReadAsStringAsync();

        if (NamnerEttForbundsArende(anrop))
            response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], "{0} som {1} i Nordvik svarade {2}", anrop, roll, svar);
        else
            ((int)response.StatusCode).Should().BeLessThan(500, svar);
        // what the caller sent may come back ("Instansen … finns inte"); nothing else of Demo's may
        foreach (var spar in new[] { vard.Instans, vard.IncidentInstans, vard.Dokument.ToString(), "Hälsodisken", "Samordningsförbundet Demo" }.Where(s => !fraga.Contains(s, StringComparison.Ordinal)))
            svar.Should().NotContain(spar, "{0} som {1} i Nordvik får inte se Demos {2}", anrop, roll, spar);
    }

    [Fact]
    public async Task OpenAPI_dokumentet_beskriver_varje_anrop_i_matrisen()
    {
        var client = await vard.SomAsync(Anonym);

        var dokument = await client.GetStringAsync("/openapi/v1.json");

        foreach (var anrop in Anropen.Keys)
            dokument.Should().Contain($"\"{anrop.Split(' ')[1]}\"", "OpenAPI ska beskriva {0}", anrop);
    }
}
