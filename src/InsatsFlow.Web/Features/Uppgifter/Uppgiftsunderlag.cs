using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Rules.Recording;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>
/// What a step needs on its page, so the reader never has to leave the task: the process and phase in words, the
/// medlem, the ansökan's sections, budget and rule outcomes, the yttranden already given, the tjänsteskrivelse for a
/// decision, and — when a failed gate reopened the task — that gate's explanation first.
/// </summary>
public sealed class Uppgiftsunderlag(IEngineStore store, IDomanData data, IEvaluationStore provningar, IDokumentarkiv arkiv)
{
    public async Task<UnderlagDto> ForAsync(TaskItem uppgift, Uppgiftsmedlem? medlem, CancellationToken ct)
    {
        var instans = await store.FindInstanceAsync(uppgift.InstanceId, ct);
        var definition = instans is null ? null : await store.FindDefinitionAsync(instans.DefinitionId, ct);
        var insats = Guid.TryParse(uppgift.BusinessKey, out var insatsId)
            ? await data.Insatser.AsNoTracking().FirstOrDefaultAsync(i => i.Id == insatsId, ct) : null;
        var namn = insats is null ? new Dictionary<Guid, string>()
            : await data.Medlemmar.AsNoTracking().Where(m => m.ForbundId == insats.ForbundId).ToDictionaryAsync(m => m.Id, m => m.Namn, ct);

        var alla = (await provningar.ForProcessInstanceAsync(uppgift.InstanceId, ct)).Select(Provningsutfall.Fran).ToList();
        // the latest evaluation of each regelverk at each gate is what stands now
        var galler = alla.GroupBy(p => (p.Regelverk, p.Steg)).Select(g => g.OrderBy(p => p.UtfordVid).Last()).OrderBy(p => p.UtfordVid).ToList();
        // a task created by the command that failed a gate was reopened by it: that explanation goes on top
        var aterOppnad = galler.Where(p => !p.Uppfylld && p.UtfordVid >= uppgift.CreatedAt.AddSeconds(-1) && p.UtfordVid <= uppgift.CreatedAt.AddSeconds(1)).ToList();

        var tjansteskrivelse = uppgift.FormKey is "forslag-till-beslut" or "styrelsebeslut" or "implementeringsbeslut"
            ? (await arkiv.ListaForInstansAsync(uppgift.InstanceId, ct)).Where(d => d.Mallnamn == "tjansteskrivelse").MaxBy(d => d.SkapadUtc)
            : null;

        return new UnderlagDto(
            definition?.Name ?? uppgift.DefinitionKey,
            insats?.Fas.Visningsnamn(),
            medlem,
            insats is null ? null : InsatsunderlagDto.Fran(insats, namn),
            aterOppnad,
            galler,
            insats is null ? [] : [.. insats.GallandeYttranden().Select(y => new YttrandeDto(
                namn.GetValueOrDefault(y.MedlemId, "okänd medlem"), y.LamnatAv, y.Ombudsskal, y.Datum, y.Sammanfattning, y.Tillstyrker))],
            tjansteskrivelse is null ? null : $"/api/dokument/{tjansteskrivelse.Id}",
            tjansteskrivelse?.Html);
    }
}

/// <param name="Process">The process's name in words ("Insatsens livscykel"), not its key.</param>
/// <param name="Fas">The insats's phase in words.</param>
/// <param name="AterOppnadAv">The failed gates that sent the case back to this task: shown first.</param>
/// <param name="Regelprovningar">Each gate's latest evaluation; a passed rule carries no failure wording.</param>
/// <param name="Tjansteskrivelse">For a decision: the address of the tjänsteskrivelse.</param>
/// <param name="TjansteskrivelseHtml">The same document as archived, for the task page to show in place (not in the API: it has the address).</param>
public sealed record UnderlagDto(
    string Process, string? Fas, Uppgiftsmedlem? Medlem, InsatsunderlagDto? Insats,
    IReadOnlyList<Provningsutfall> AterOppnadAv, IReadOnlyList<Provningsutfall> Regelprovningar,
    IReadOnlyList<YttrandeDto> Yttranden, string? Tjansteskrivelse, [property: JsonIgnore] string? TjansteskrivelseHtml = null);

public sealed record YttrandeDto(string Medlem, string LamnatAv, string? Ombudsskal, DateOnly Datum, string Sammanfattning, bool Tillstyrker);

public sealed record Avsnitt(int Nummer, string Rubrik, string? Text);

public sealed record BudgetradDto(string Kostnadstyp, int Ar, decimal Belopp, string? Kommentar);

public sealed record InsatsunderlagDto(
    Guid Id, string Diarienummer, string Titel, string SokandeOrganisation, IReadOnlyList<string> BerordaMedlemmar,
    string Malgrupp, int? AlderFran, int? AlderTill, DateOnly? PeriodStart, DateOnly? PeriodSlut,
    IReadOnlyList<Avsnitt> Avsnitt, IReadOnlyList<BudgetradDto> Budget, decimal BudgetSumma)
{
    public static InsatsunderlagDto Fran(Insats i, IReadOnlyDictionary<Guid, string> medlemmar)
    {
        var a = i.Avsnitt;
        return new(i.Id, i.Diarienummer, i.Titel, i.SokandeOrganisation,
            [.. i.InvolveradeMedlemmar.Select(m => medlemmar.GetValueOrDefault(m.MedlemId, "okänd medlem")).Order()],
            i.Malgrupp.Beskrivning, i.Malgrupp.AlderFran, i.Malgrupp.AlderTill, i.PeriodStart, i.PeriodSlut,
            [
                new(1, "Utgångspunkter", a.Utgangspunkter), new(2, "Mål", a.Mal), new(3, "Behovsgrupp", a.Behovsgrupp),
                new(4, "Aktiviteter", a.Aktiviteter), new(5, "Projektstyrning och organisation", a.ProjektstyrningOchOrganisation),
                new(6, "Relation till andra verksamheter", a.RelationTillAndraVerksamheter), new(7, "Resurser", a.Resurser),
                new(8, "Tidplan", a.Tidplan), new(9, "Utvärdering", a.Utvardering), new(10, "Implementering", a.Implementering),
            ],
            [.. i.Budgetrader.OrderBy(r => r.Ar).Select(r => new BudgetradDto(r.Kostnadstyp, r.Ar, r.Belopp, r.Beskrivning))],
            i.BudgetSumma());
    }
}
