using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Dokument.Modeller;
using InsatsFlow.Core.Regelprovning;
using Microsoft.EntityFrameworkCore;
using Modell = InsatsFlow.Core.Dokument.Modeller;

namespace InsatsFlow.Core.Livscykel;

/// <summary>Builds the document models of the lifecycle's documents from the insats, its meeting and the instance's variables.</summary>
public sealed class Dokumentunderlag(IDomanData data, LivscykelOptions options, Formular.Regelverksalternativ kostnadstyper)
{
    private static readonly string[] Ansokningskontroller = ["ansokanKomplett", "stodberattigandeKostnader", "berordaParter", "malgrupp", "medelTillgangliga"];

    public async Task<TjansteskrivelseModell> TjansteskrivelseAsync(Insats insats, IReadOnlyDictionary<string, object?> v, DateOnly idag, CancellationToken ct)
    {
        var parter = await MedlemsnamnAsync(insats, ct);
        // the domain's yttranden (the latest of each medlem), named by medlem and the person who gave them
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == insats.ForbundId).ToDictionaryAsync(m => m.Id, m => m.Namn, ct);
        var yttranden = insats.GallandeYttranden().Select(y => new Yttrande(
            medlemmar.GetValueOrDefault(y.MedlemId, "okänd medlem"), y.Ombudsskal is null ? y.LamnatAv : $"{y.LamnatAv} (kansliet för medlemmen: {y.Ombudsskal})",
            y.Datum, y.Sammanfattning, y.Tillstyrker)).ToList();
        return new TjansteskrivelseModell(
            await ForbundAsync(insats.ForbundId, ct), insats.Diarienummer, idag, insats.Titel,
            new Person(options.Handlaggare, "Handläggare", null), insats.SokandeOrganisation,
            new Period(insats.PeriodStart ?? idag, insats.PeriodSlut ?? idag), parter,
            insats.Avsnitt.Utgangspunkter ?? "", Bedomning(yttranden),
            insats.Budgetrader.Select(r => new Modell.Budgetrad(Formular.Kostnadstyper.Etikett(kostnadstyper, r.Kostnadstyp), $"{r.Ar}{(string.IsNullOrWhiteSpace(r.Beskrivning) ? "" : ", " + r.Beskrivning)}", r.Belopp)).ToList(),
            insats.BudgetSumma(), yttranden, Regelutfall(v, Ansokningskontroller),
            [$"bevilja {insats.SokandeOrganisation} medel till insatsen {insats.Titel} enligt ansökan", "uppdra åt förbundschefen att följa upp insatsen"],
            null);
    }

    public async Task<ProtokollsutdragModell> ProtokollsutdragAsync(Insats insats, IReadOnlyDictionary<string, object?> v, CancellationToken ct)
    {
        var (sammantrade, arende, styrelse) = await MoteAsync(insats, v, ct);
        var namn = styrelse?.Ledamoter.ToDictionary(l => l.Id) ?? [];
        var narvarande = sammantrade.Narvaro.Where(n => n.Narvarande && namn.ContainsKey(n.LedamotId))
            .Select(n => new Person(namn[n.LedamotId].Namn, Roll(namn[n.LedamotId]), null)).ToList();
        var jav = arende.Jav.Select(j => new Jav(namn.TryGetValue(j.LedamotId, out var l) ? l.Namn : j.LedamotId.ToString(), j.Grund)).ToList();
        var ordforande = styrelse?.Ledamoter.FirstOrDefault(l => l.Uppdrag == Styrelseuppdrag.Ordforande);
        var utfall = Utfall(v);
        var belopp = Lasning.Belopp(v.GetValueOrDefault("beviljatBelopp")) ?? insats.BudgetSumma();
        return new ProtokollsutdragModell(
            await ForbundAsync(insats.ForbundId, ct), insats.Diarienummer, sammantrade.Datum, "",
            arende.Paragraf ?? 0, arende.Rubrik, narvarande, jav,
            $"Kansliets tjänsteskrivelse {insats.Diarienummer}.", utfall,
            utfall == "bifall" ? [$"bevilja {insats.SokandeOrganisation} {Dokument.SvenskFormatering.Kronor(belopp)} för insatsen {insats.Titel}"]
                : utfall == "avslag" ? ["avslå ansökan"] : ["återremittera ärendet till beredningen"],
            Regelutfall(v, ["javOchBeslutforhet"]),
            new Person(ordforande?.Namn ?? "", "Ordförande", null), new Person(options.Handlaggare, "Sekreterare", null),
            new Person(styrelse?.Ledamoter.FirstOrDefault(l => l.Roll == Styrelseroll.Ledamot && l.Uppdrag == Styrelseuppdrag.Inget)?.Namn ?? "", "Justerare", null),
            null, [insats.SokandeOrganisation]);
    }

    public async Task<BeslutsbrevModell> BeslutsbrevAsync(Insats insats, IReadOnlyDictionary<string, object?> v, DateOnly idag, CancellationToken ct)
    {
        var (sammantrade, arende, _) = await MoteAsync(insats, v, ct);
        var utfall = Utfall(v);
        var kontakt = insats.Kontaktpersoner.FirstOrDefault();
        return new BeslutsbrevModell(
            await ForbundAsync(insats.ForbundId, ct), insats.Diarienummer, idag,
            new Person(kontakt?.Namn ?? insats.SokandeOrganisation, kontakt?.Roll, insats.SokandeOrganisation),
            insats.SokandeOrganisation, insats.Titel, utfall, sammantrade.Datum, arende.Paragraf ?? 0,
            utfall == "bifall" ? Lasning.Belopp(v.GetValueOrDefault("beviljatBelopp")) ?? insats.BudgetSumma() : null,
            insats.PeriodStart is { } fran && insats.PeriodSlut is { } till ? new Period(fran, till) : null,
            Processvariabler.Text(v, "motivering") ?? "",
            utfall == "bifall" ? ["Insatsen rapporterar uppföljning enligt förbundets anvisningar.", "Medlen används enbart till de kostnader som beviljats."] : [],
            new Person(options.Handlaggare, "Handläggare", null));
    }

    private static string Utfall(IReadOnlyDictionary<string, object?> v) => Processvariabler.Text(v, "styrelsebeslut") switch
    {
        "bifall" => "bifall",
        "avslag" => "avslag",
        _ => "återremiss",
    };

    private static string Bedomning(IReadOnlyList<Yttrande> yttranden) =>
        yttranden.Count == 0 ? "Inga yttranden har lämnats."
            : $"{yttranden.Count(y => y.Tillstyrker)} av {yttranden.Count} medlemmar tillstyrker ansökan.";

    private static string Roll(Styrelseledamot l) => l.Uppdrag switch
    {
        Styrelseuppdrag.Ordforande => "ordförande",
        Styrelseuppdrag.Vice_ordforande => "vice ordförande",
        _ => l.Roll == Styrelseroll.Ersattare ? "ersättare" : "ledamot",
    };

    /// <summary>Every rule's outcome from the named result variables (what the gates stored).</summary>
    public static List<Regelutfall> Regelutfall(IReadOnlyDictionary<string, object?> v, IEnumerable<string> resultatvariabler) =>
        [.. resultatvariabler
            .Select(n => v.GetValueOrDefault(n) as IReadOnlyDictionary<string, object?>)
            // The engine keeps the evaluator's output under "output" ({passed, output, evaluationId}).
            .Select(r => r?.GetValueOrDefault("output") as IReadOnlyDictionary<string, object?> ?? r)
            .OfType<IReadOnlyDictionary<string, object?>>()
            .SelectMany(r => Lasning.Rader(r.GetValueOrDefault("regler")).Select(regel => new Regelutfall(
                Lasning.Text(r, "regelverk") ?? "", Lasning.Text(r, "version") ?? "", Lasning.Text(regel, "regel") ?? "",
                Lasning.Text(regel, "utfall") == "uppfylld",
                Lasning.Text(regel, "meddelande") ?? "",
                regel.GetValueOrDefault("rattsligGrund") switch
                {
                    string s => [s],
                    IEnumerable<object?> lista => [.. lista.Select(x => Lasning.Text(x) ?? "")],
                    _ => [],
                })))];

    private async Task<Forbundsuppgifter> ForbundAsync(Guid id, CancellationToken ct)
    {
        var forbund = await data.Forbund.FindAsync([id], ct) ?? throw new InvalidOperationException($"Förbundet {id} finns inte.");
        return new Forbundsuppgifter(forbund.Namn, forbund.Organisationsnummer, options.Postadress, options.Webbplats);
    }

    private async Task<List<string>> MedlemsnamnAsync(Insats insats, CancellationToken ct)
    {
        var ids = insats.InvolveradeMedlemmar.Select(m => m.MedlemId).ToList();
        return await data.Medlemmar.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Namn).Select(m => m.Namn).ToListAsync(ct);
    }

    private async Task<(Sammantrade, Arende, Styrelse?)> MoteAsync(Insats insats, IReadOnlyDictionary<string, object?> v, CancellationToken ct)
    {
        var id = Processvariabler.KravGuid(v, Processvariabler.SammantradeId);
        var sammantrade = await data.Sammantraden.FindAsync([id], ct) ?? throw new InvalidOperationException($"Sammanträdet {id} finns inte.");
        var arende = sammantrade.Arenden.LastOrDefault(a => a.InsatsId == insats.Id)
            ?? throw new InvalidOperationException($"Sammanträdet {sammantrade.Datum:yyyy-MM-dd} har inte insatsen {insats.Diarienummer} som ärende.");
        var styrelse = await Styrelser.IMandatAsync(data, insats.ForbundId, sammantrade.Datum, ct);
        return (sammantrade, arende, styrelse);
    }
}
