using System.Globalization;
using InsatsFlow.Core.Domain;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// The views of the domain that rule files read: each view's fields with their shape, a Swedish description for
/// jurists (rules/README.md is generated from this list, <see cref="Vydokumentation"/>), and how each is built.
/// Adding a field here is the only C# a new kind of rule input needs; a new regelverk over these fields needs none.
/// </summary>
internal static class Regelvyer
{
    internal delegate Task<object?> Byggfunktion(Underlagskallor kallor, CancellationToken ct);

    internal sealed record Falt(string Namn, string Typ, string Beskrivning, Byggfunktion Bygg);

    internal sealed record Vy(string Namn, string Beskrivning, IReadOnlyList<Falt> Falt);

    private const string ArBeloppTyp = """[{"ar": "heltal", "belopp": "tal"}]""";
    private const string MedlemTyp = """[{"namn": "text", "typ": "text"}]""";
    private const string BudgetradTyp = """[{"ar": "heltal", "kostnadstyp": "text", "beskrivning": "text?", "belopp": "tal"}]""";

    public static IReadOnlyList<Vy> Alla { get; } =
    [
        new("insats", "Insatsen som processen gäller (processvariabeln insatsId), som den ser ut när grinden körs.",
        [
            I("diarienummer", "text", "Insatsens diarienummer, till exempel SF 2026/012.", i => i.Diarienummer),
            I("titel", "text", "Insatsens titel.", i => i.Titel),
            I("sokandeOrganisation", "text", "Den sökande organisationen.", i => i.SokandeOrganisation),
            I("fas", "text", "Fasen: idefas, ansokan, beredning, styrelsebeslut, genomforande, implementeringsbeslut, avslutad eller avslagen.", i => i.Fas.ToString().ToLowerInvariant()),
            I("periodStart", "datum?", "Första dagen av insatsens period, om den är satt.", i => Datum(i.PeriodStart)),
            I("periodSlut", "datum?", "Sista dagen av insatsens period, om den är satt.", i => Datum(i.PeriodSlut)),
            new("berordaParter", MedlemTyp, "De medlemmar som är involverade, med typ (forsakringskassan, arbetsformedlingen, region, kommun).",
                async (k, ct) => await BerordaParterAsync(k, ct)),
            I("malgruppAlderFran", "heltal?", "Målgruppens lägsta ålder.", i => i.Malgrupp.AlderFran),
            I("malgruppAlderTill", "heltal?", "Målgruppens högsta ålder.", i => i.Malgrupp.AlderTill),
            I("budgetrader", BudgetradTyp, "Ansökans budgetrader: år, kostnadstyp, beskrivning (fritext) och belopp.", Budgetrader),
            I("budgetSumma", "tal", "Summan av alla budgetrader.", i => i.BudgetSumma()),
        ]),
        new("sus", "Insatsens uppgifter för SUS, Försäkringskassans uppföljningssystem, jämförda med värdelistorna i sus/ (bara där värdelistorna är inlästa).",
        [
            S("beskrivning", "text", "SUS-beskrivningen av insatsen."),
            S("inriktning", "text", "Inriktningens kod (individinriktad eller strukturovergripande)."),
            S("inriktningKand", "janej", "Om inriktningen finns i värdelistan."),
            S("preciseradInriktning", "text", "Den preciserade inriktningens kod."),
            S("preciseradInriktningTillhor", "text", "Den inriktning som den preciserade inriktningen hör till enligt värdelistan."),
            S("matningsmetod", "text", "Mätningsmetodens kod."),
            S("matningsmetodKand", "janej", "Om mätningsmetoden finns i värdelistan."),
            S("antalMalgrupper", "heltal", "Antalet specifika målgrupper."),
            S("okandaMalgrupper", "heltal", "Antalet målgrupper som inte finns i värdelistan."),
            S("periodAngiven", "janej", "Om insatsens start och slut är satta."),
            S("arUtanPlaneradeDeltagare", "heltal", "Antalet år i perioden utan planerat antal deltagare."),
            S("arUtanBudget", "heltal", "Antalet år i perioden utan budgetpost."),
            S("okandaBudgettyper", "heltal", "Antalet budgetposter med en budgettyp som inte finns i värdelistan."),
            S("namnLangd", "heltal", "Antalet tecken i insatsens namn."),
            S("beskrivningLangd", "heltal", "Antalet tecken i beskrivningen."),
            S("budgetarUtanforPerioden", "heltal", "Antalet år med budget eller planerade deltagare utanför perioden."),
            S("utfallUtanBudget", "heltal", "Antalet utfall utan motsvarande budgetpost."),
        ]),
        new("ansokan", "Ansökan om insatsen (idé eller fullständig ansökan) med avsnitt 1–10, kontaktpersoner och budget.",
        [
            new("fas", "text", "ide eller ansokan: processvariabeln ansokansfas, annars ide i idéfasen och ansokan därefter.",
                async (k, ct) => Processvariabler.Text(k.Variabler, "ansokansfas") ?? ((await k.InsatsAsync(ct)).Fas == InsatsFas.Idefas ? "ide" : "ansokan")),
            I("avsnitt", """[{"nummer": "heltal", "text": "text?"}]""", "Avsnitten 1–10 i ansökningsmallen med sin text (tom om avsnittet inte är ifyllt).", Avsnitt),
            I("kontaktpersoner", """[{"namn": "text", "epost": "text?"}]""", "Kontaktpersonerna.",
                i => Lista(i.Kontaktpersoner.Select(p => Objekt(("namn", p.Namn), ("epost", p.Epost))))),
            I("budgetrader", BudgetradTyp, "Ansökans budgetrader: år, kostnadstyp, beskrivning (fritext) och belopp.", Budgetrader),
        ]),
        new("beslut", "Beslutet som grinden prövar för insatsen: det sökta beloppet, styrelsens sammanträde (närvaro och jäv) eller implementeringsbeslutet.",
        [
            I("beviljatPerAr", ArBeloppTyp, "Det belopp som söks per år (ansökans budgetrader summerade per år).",
                i => Lista(i.Budgetrader.Select(r => r.Ar).Distinct().Order().Select(a => ArBelopp(a, i.BudgetSumma(a))))),
            new("sammantradesdatum", "datum", "Dagen för sammanträdet där insatsen är ärende (processvariabeln sammantradeId, annars det senaste).",
                async (k, ct) => Datum((await k.MoteAsync(ct)).Sammantrade.Datum)),
            new("antalLedamoter", "heltal", "Antalet ledamöter (inte ersättare) i styrelsen som har mandat på sammanträdesdagen.",
                async (k, ct) => (await k.MoteAsync(ct)).Styrelse.Ledamoter.Count(l => l.Roll == Styrelseroll.Ledamot)),
            new("deltagande", """["text"]""", "De som deltog i ärendet: som protokollet anger (processvariabeln deltagande), annars de närvarande utom de jäviga.",
                async (k, ct) => Lista((await DeltagandeAsync(k, ct)).Cast<object?>())),
            new("javiga", """["text"]""", "De som anmält jäv i ärendet.",
                async (k, ct) => Lista((await JavigaAsync(k, ct)).Cast<object?>())),
            new("ledamoter", """[{"namn": "text", "medlem": "text"}]""", "Styrelsens ledamöter (inte ersättare) med mandat på sammanträdesdagen, med sin medlem: platserna som beslutförheten räknas på.",
                async (k, ct) => await LedamoterAsync(k, ct)),
            new("narvarande", """[{"namn": "text", "roll": "text", "medlem": "text", "tjanstgorFor": "text?"}]""", "De närvarande som deltog i ärendet: ledamot eller ersattare, medlem, och för en ersättare vilken ledamot hen tjänstgör för (FINSAM 15 §).",
                async (k, ct) => await NarvarandeAsync(k, ct)),
            new("alternativ", "text", "Implementeringsalternativet: fullstandig, delad, professionell eller strukturell.",
                async (k, ct) => (await k.ImplementeringAsync(ct)).Alternativ.ToString().ToLowerInvariant()),
            new("mottagandeOrganisation", "text?", "Organisationen som tar över verksamheten.",
                async (k, ct) => (await k.ImplementeringAsync(ct)).MottagandeOrganisation),
            new("delar", """[{"del": "text", "organisation": "text", "andel": "tal"}]""", "Vid delad implementering: delarna, vem som tar över och andelen.",
                async (k, ct) => Lista((await k.ImplementeringAsync(ct)).Delar.Select(d => Objekt(("del", d.Beskrivning), ("organisation", d.Organisation), ("andel", d.Andel))))),
            new("spridning", """[{"metod": "text", "mottagare": "text"}]""", "Vid professionell implementering: hur metoderna sprids och till vem.",
                async (k, ct) =>
                {
                    var ib = await k.ImplementeringAsync(ct);
                    return string.IsNullOrWhiteSpace(ib.Spridning) ? Lista([])
                        : Lista([Objekt(("metod", ib.Spridning), ("mottagare", ib.MottagandeOrganisation ?? "berörda organisationer"))]);
                }),
            new("fortsattFinansiering", ArBeloppTyp, "Den fortsatta finansieringen per år.",
                async (k, ct) => Lista((await k.ImplementeringAsync(ct)).FortsattFinansiering.Select(f => ArBelopp(f.Ar, f.Belopp)))),
        ]),
        new("medel", "Förbundets medel för insatser, för de år insatsen söker för.",
        [
            new("tillgangligtPerAr", ArBeloppTyp, "Det som återstår av årets budget för insatser när andra beviljade, pågående insatser räknats bort. Ett år efter den senaste antagna budgeten räknas med den budgetens belopp.",
                async (k, ct) =>
                {
                    var i = await k.InsatsAsync(ct);
                    return await k.UtrymmePerArAsync([.. i.Budgetrader.Select(r => r.Ar).Distinct().Order()], ct);
                }),
        ]),
        new("budget", "Förbundets budget för budgetåret (processvariabeln budgetar), och för en insats utrymmet i kommande budgetar.",
        [
            B("budgetar", "heltal", "Budgetåret.", b => b.Ar),
            B("intakter", "tal", "Summan av intäkterna.", b => b.SummaIntakter),
            B("kostnader", "tal", "Summan av kostnaderna.", b => b.SummaKostnader),
            B("egetKapital", "tal", "Eget kapital vid årets början.", b => b.EgetKapital),
            B("antagenDatum", "datum?", "Dagen styrelsen antog budgeten.", b => Datum(b.AntagenDatum)),
            new("medlemmar", MedlemTyp, "Förbundets medlemmar med typ.",
                async (k, ct) => Lista((await k.MedlemmarAsync(ct)).Select(m => Objekt(("namn", m.Namn), ("typ", Typ(m.Typ)))))),
            new("samrad", """[{"medlem": "text", "datum": "datum"}]""", "Samråden med medlemmarna om budgeten: medlem och datum.",
                async (k, ct) =>
                {
                    var namn = (await k.MedlemmarAsync(ct)).ToDictionary(m => m.Id, m => m.Namn);
                    return Lista((await k.BudgetAsync(ct)).Samrad.Select(s => Objekt(("medlem", namn.GetValueOrDefault(s.MedlemId, "?")), ("datum", Datum(s.Datum)))));
                }),
            V("synnerligaSkal", "janej?", "Om synnerliga skäl åberopas för ett underskott (processvariabeln synnerligaSkal).",
                v => v.TryGetValue("synnerligaSkal", out var s) && s is bool b ? b : null),
            V("synnerligaSkalMotivering", "text?", "Motiveringen av synnerliga skäl (processvariabeln synnerligaSkalMotivering).",
                v => Processvariabler.Text(v, "synnerligaSkalMotivering")),
            new("utrymmePerAr", ArBeloppTyp, "För insatsens implementeringsbeslut: utrymmet i budgeten för insatser, för åren med fortsatt finansiering.",
                async (k, ct) => await k.UtrymmePerArAsync([.. (await k.ImplementeringAsync(ct)).FortsattFinansiering.Select(f => f.Ar).Distinct().Order()], ct)),
        ]),
        new("fordelning", "Hur budgetårets intäkter fördelas på medlemmarna (FINSAM 5 §).",
        [
            new("medlemsavgifter", """[{"medlem": "text", "typ": "text", "belopp": "tal"}]""", "Varje medlems avgift: medlem, typ och belopp.",
                async (k, ct) =>
                {
                    var medlemmar = (await k.MedlemmarAsync(ct)).ToDictionary(m => m.Id);
                    return Lista((await k.BudgetAsync(ct)).Intakter.Where(i => medlemmar.ContainsKey(i.MedlemId))
                        .Select(i => Objekt(("medlem", medlemmar[i.MedlemId].Namn), ("typ", Typ(medlemmar[i.MedlemId].Typ)), ("belopp", i.Belopp))));
                }),
        ]),
        new("forbund", "Samordningsförbundet och dess medlemmar.",
        [
            new("namn", "text", "Förbundets namn.", async (k, ct) => (await k.ForbundAsync(ct)).Namn),
            new("organisationsnummer", "text", "Förbundets organisationsnummer.", async (k, ct) => (await k.ForbundAsync(ct)).Organisationsnummer),
            new("medlemmar", MedlemTyp, "Förbundets medlemmar med typ.",
                async (k, ct) => Lista((await k.MedlemmarAsync(ct)).Select(m => Objekt(("namn", m.Namn), ("typ", Typ(m.Typ)))))),
            new("harRegion", "janej", "Om någon region är medlem (FINSAM 5 a §).",
                async (k, ct) => (await k.MedlemmarAsync(ct)).Any(m => m.Typ == MedlemsTyp.Region)),
        ]),
        new("arsredovisning", "Årsredovisningen för ett räkenskapsår, som formuläret anger den.",
        [
            V("rakenskapsar", "heltal", "Räkenskapsåret (processvariabeln rakenskapsar, annars budgetar).",
                v => Processvariabler.Heltal(v, "rakenskapsar") ?? Processvariabler.Heltal(v, Processvariabler.Budgetar)),
            V("upprattadDatum", "datum?", "Dagen årsredovisningen upprättades (processvariabeln upprattadDatum).",
                v => Processvariabler.Text(v, "upprattadDatum")),
        ]),
        new("upphandling", "Ett köp som förbundet gör, som ett formulär anger det (domänen håller inga köp).",
        [
            V("varde", "tal", "Köpets värde i kronor (processvariabeln upphandlingVarde).", v => Livscykel.Lasning.Belopp(v.GetValueOrDefault("upphandlingVarde"))),
            V("direktupphandling", "janej", "Om köpet görs som direktupphandling (processvariabeln direktupphandling).",
                v => v.GetValueOrDefault("direktupphandling") as bool?),
            V("dokumenterad", "janej?", "Om köpet är dokumenterat (processvariabeln upphandlingDokumenterad).",
                v => v.GetValueOrDefault("upphandlingDokumenterad") as bool?),
        ]),
    ];

    public static InputViewCatalogue Katalog { get; } = new(
        [.. Alla.Select(v => new InputView(v.Namn, v.Beskrivning, [.. v.Falt.Select(f => InputViewField.Of(f.Namn, f.Typ, f.Beskrivning))]))]);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Byggfunktion>> Byggare { get; } =
        Alla.ToDictionary(v => v.Namn, v => (IReadOnlyDictionary<string, Byggfunktion>)v.Falt.ToDictionary(f => f.Namn, f => f.Bygg));

    private static Falt I(string namn, string typ, string beskrivning, Func<Insats, object?> varde) =>
        new(namn, typ, beskrivning, async (k, ct) => varde(await k.InsatsAsync(ct)));

    private static Falt S(string namn, string typ, string beskrivning) =>
        new(namn, typ, beskrivning, async (k, ct) => (await k.SusAsync(ct)).GetValueOrDefault(namn));

    private static Falt B(string namn, string typ, string beskrivning, Func<Arsbudget, object?> varde) =>
        new(namn, typ, beskrivning, async (k, ct) => varde(await k.BudgetAsync(ct)));

    private static Falt V(string namn, string typ, string beskrivning, Func<IReadOnlyDictionary<string, object?>, object?> varde) =>
        new(namn, typ, beskrivning, (k, _) => Task.FromResult(varde(k.Variabler)));

    private static async Task<List<object?>> BerordaParterAsync(Underlagskallor k, CancellationToken ct)
    {
        var ids = (await k.InsatsAsync(ct)).InvolveradeMedlemmar.Select(m => m.MedlemId).ToHashSet();
        return Lista((await k.MedlemmarAsync(ct)).Where(m => ids.Contains(m.Id)).Select(m => Objekt(("namn", m.Namn), ("typ", Typ(m.Typ)))));
    }

    private static object? Budgetrader(Insats i) =>
        Lista(i.Budgetrader.Select(r => Objekt(("ar", r.Ar), ("kostnadstyp", r.Kostnadstyp), ("beskrivning", r.Beskrivning), ("belopp", r.Belopp))));

    private static object? Avsnitt(Insats i)
    {
        var a = i.Avsnitt;
        string?[] texter = [a.Utgangspunkter, a.Mal, a.Behovsgrupp, a.Aktiviteter, a.ProjektstyrningOchOrganisation,
            a.RelationTillAndraVerksamheter, a.Resurser, a.Tidplan, a.Utvardering, a.Implementering];
        return Lista(texter.Select((t, n) => Objekt(("nummer", n + 1), ("text", t))));
    }

    private static async Task<List<string>> JavigaAsync(Underlagskallor k, CancellationToken ct)
    {
        var (_, arende, styrelse) = await k.MoteAsync(ct);
        var namn = styrelse.Ledamoter.ToDictionary(l => l.Id, l => l.Namn);
        return [.. arende.Jav.Select(j => namn.GetValueOrDefault(j.LedamotId, j.LedamotId.ToString()))];
    }

    // Who took part in the item: as the protocol states it (a form variable), otherwise everyone present except
    // those who declared jäv and so stepped out (KL 6 kap 28 §).
    private static async Task<List<string>> DeltagandeAsync(Underlagskallor k, CancellationToken ct)
    {
        if (k.Variabler.TryGetValue("deltagande", out var d) && d is IEnumerable<object?> lista)
            return [.. lista.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "")];
        var (sammantrade, _, styrelse) = await k.MoteAsync(ct);
        var namn = styrelse.Ledamoter.ToDictionary(l => l.Id, l => l.Namn);
        return [.. sammantrade.Narvaro.Where(n => n.Narvarande).Select(n => namn.GetValueOrDefault(n.LedamotId, "?")).Except(await JavigaAsync(k, ct))];
    }

    private static async Task<List<object?>> LedamoterAsync(Underlagskallor k, CancellationToken ct)
    {
        var (_, _, styrelse) = await k.MoteAsync(ct);
        var medlemsnamn = (await k.MedlemmarAsync(ct)).ToDictionary(m => m.Id, m => m.Namn);
        return Lista(styrelse.Ledamoter.Where(l => l.Roll == Styrelseroll.Ledamot)
            .Select(l => Objekt(("namn", l.Namn), ("medlem", medlemsnamn.GetValueOrDefault(l.MedlemId, l.MedlemId.ToString())))));
    }

    // Beslutförhet counts seats (FINSAM 15 §, KL 6 kap 27 §): who is present serving one — a ledamot on their own seat,
    // an ersättare only for the ledamot named in the protocol.
    private static async Task<List<object?>> NarvarandeAsync(Underlagskallor k, CancellationToken ct)
    {
        var (sammantrade, _, styrelse) = await k.MoteAsync(ct);
        var medlemsnamn = (await k.MedlemmarAsync(ct)).ToDictionary(m => m.Id, m => m.Namn);
        var ledamoter = styrelse.Ledamoter.ToDictionary(l => l.Id);
        var protokollfort = k.Variabler.ContainsKey("deltagande");
        var deltagande = await DeltagandeAsync(k, ct);
        return Lista(sammantrade.Narvaro.Where(n => n.Narvarande && ledamoter.ContainsKey(n.LedamotId))
            .Where(n => !protokollfort || deltagande.Contains(ledamoter[n.LedamotId].Namn))
            .Select(n =>
            {
                var l = ledamoter[n.LedamotId];
                return Objekt(("namn", l.Namn), ("roll", l.Roll == Styrelseroll.Ledamot ? "ledamot" : "ersattare"),
                    ("medlem", medlemsnamn.GetValueOrDefault(l.MedlemId, l.MedlemId.ToString())),
                    ("tjanstgorFor", n.TjanstgorForLedamotId is { } f && ledamoter.TryGetValue(f, out var forLedamot) ? forLedamot.Namn : null));
            }));
    }

    internal static Dictionary<string, object?> ArBelopp(int ar, decimal belopp) => Objekt(("ar", ar), ("belopp", belopp));

    private static Dictionary<string, object?> Objekt(params (string Namn, object? Varde)[] falt) =>
        falt.ToDictionary(f => f.Namn, f => f.Varde);

    private static List<object?> Lista(IEnumerable<object?> varden) => [.. varden];

    private static string? Datum(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Typ(MedlemsTyp typ) => typ.ToString().ToLowerInvariant();
}
