using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Behorighet;

/// <summary>What a person wants to do with a task.</summary>
public enum Uppgiftsatgard { Se, Ta, LamnaTillbaka, Slutfora }

/// <summary>The answer: allowed or not (with the Swedish reason), and whether the kansli acts on a member's behalf.</summary>
public sealed record Bedomning(bool Tillats, string? Nekande = null, bool SomOmbud = false)
{
    public static readonly Bedomning Ja = new(true);

    public static Bedomning Nej(string varfor) => new(false, varfor);
}

/// <summary>
/// The one answer to "may this person do this, on this task, insats or document" (DESIGN.md, "One home per concept"),
/// by role, assignment, medlem and kontaktperson. Every page and endpoint asks here, so both refuse the same things
/// the same way. The engine checks candidates again when it runs a command; this decides first, and in words.
/// </summary>
public sealed class Behorighetskontroll(IDomanData data)
{
    /// <summary>The förbund's roles that read every insats; a sökande reads only those where they are a kontaktperson.</summary>
    public static readonly string[] LasandeRoller =
        [Roller.Kansli, Roller.Beredningsgrupp, Roller.Styrelse, Roller.Jurist, Roller.Revisor, Roller.Admin];

    /// <summary>Roles that oversee every task (deadlines, the journal) without acting on it.</summary>
    public static readonly string[] OverseendeRoller = [Roller.Kansli, Roller.Admin, Roller.Revisor];

    /// <summary>Roles that design the förbund's workflows and forms: draft, validate, try out and publish.</summary>
    public static readonly string[] DesignandeRoller = [Roller.Kansli, Roller.Admin];

    /// <summary>
    /// Whether this person may design workflows, and so run a draft on throw-away data. A machine client never does: no
    /// scope grants it (<see cref="Omfang"/>).
    /// </summary>
    public static Bedomning Designa(Person person) =>
        person.ArMaskinklient ? Bedomning.Nej("En maskinklient får inte utforma arbetsflöden.")
        : person.HarNagon(DesignandeRoller) ? Bedomning.Ja
        : Bedomning.Nej("Bara kansliet och administratören får utforma och provköra arbetsflöden.");

    /// <summary>
    /// Whether this person may edit, publish and withdraw the forms of their active förbund (the förbund's own versions; the
    /// shipped defaults are the installation's and change only with forms/). Another förbund's forms are not there for them.
    /// </summary>
    public static Bedomning Formular(Person person) =>
        !HarAktivtForbund(person) ? Bedomning.Nej("Du har inget aktivt förbund; välj ett förbund du tillhör.")
        : person.ArMaskinklient ? Bedomning.Nej("En maskinklient får inte ändra förbundets formulär.")
        : person.HarNagon(DesignandeRoller) ? Bedomning.Ja
        : Bedomning.Nej("Bara kansliet och administratören får ändra och publicera förbundets formulär.");

    /// <summary>Roles that read the förbund's own document templates.</summary>
    public static readonly string[] MallasandeRoller = [Roller.Kansli, Roller.Admin, Roller.Revisor];

    /// <summary>
    /// The active förbund's own versions of the document templates (templates/*.sbn are the defaults): read by its kansli,
    /// admin and revisor; published and withdrawn by its kansli or admin, never by a machine client.
    /// </summary>
    public static Bedomning Dokumentmallar(Person person, bool andra)
    {
        if (!HarAktivtForbund(person)) return Bedomning.Nej("Du har inget aktivt förbund; välj ett förbund du tillhör.");
        if (!andra) return person.HarNagon(MallasandeRoller) ? Bedomning.Ja : Bedomning.Nej("Förbundets dokumentmallar läses av kansliet, revisorn och administratören.");
        if (person.ArMaskinklient) return Bedomning.Nej("En maskinklient ändrar inte förbundets dokumentmallar.");
        return person.HarNagon(DesignandeRoller) ? Bedomning.Ja : Bedomning.Nej("Bara kansliet och administratören kan publicera och återkalla förbundets dokumentmallar.");
    }

    private static bool HarAktivtForbund(Person person) => person.ForbundId is { } f && f != AktivtForbund.Ingen;

    /// <summary>The medlem a task belongs to: its candidate group "medlem:&lt;id&gt;" (a yttrande), or null.</summary>
    public static Guid? UppgiftensMedlem(TaskItem uppgift) =>
        uppgift.CandidateGroupList.Where(g => g.StartsWith(Person.Medlemsprefix, StringComparison.Ordinal))
            .Select(g => Guid.TryParse(g[Person.Medlemsprefix.Length..], out var id) ? id : (Guid?)null).FirstOrDefault(id => id is not null);

    public async Task<Bedomning> UppgiftAsync(Person person, TaskItem uppgift, Uppgiftsatgard atgard, string? skal = null, CancellationToken ct = default)
    {
        // another förbund's task is not there at all (the query filter hides it too); this says so in words
        if (!person.ITenant(uppgift.TenantId)) return Bedomning.Nej("Uppgiften finns inte.");
        if (atgard != Uppgiftsatgard.Se && !person.HarOmfang(Omfang.HandlaggaUppgifter))
            return Bedomning.Nej($"Klienten saknar behörigheten {Omfang.Visningsnamn(Omfang.HandlaggaUppgifter).ToLowerInvariant()}.");
        var handlaggare = await ArHandlaggareAsync(person, uppgift, ct);
        switch (atgard)
        {
            case Uppgiftsatgard.Se:
                return handlaggare || uppgift.Assignee == person.Anvandare || person.HarNagon(OverseendeRoller)
                    ? Bedomning.Ja : Bedomning.Nej("Uppgiften är inte din eller din grupps.");
            case Uppgiftsatgard.LamnaTillbaka:
                return uppgift.Assignee == person.Anvandare ? Bedomning.Ja : Bedomning.Nej("Bara den som har tagit uppgiften kan lämna tillbaka den.");
            case Uppgiftsatgard.Ta:
                if (handlaggare) return Bedomning.Ja;
                return Bedomning.Nej(UppgiftensMedlem(uppgift) is { } m
                    ? $"Uppgiften hör till {await MedlemsnamnAsync(m, ct)}; bara medlemmens företrädare kan ta den."
                    : "Uppgiften är inte din eller din grupps.");
            default:
                if (uppgift.Assignee is not null && uppgift.Assignee != person.Anvandare)
                    return Bedomning.Nej($"Uppgiften är tagen av {uppgift.Assignee}.");
                if (handlaggare) return Bedomning.Ja;
                if (UppgiftensMedlem(uppgift) is not { } medlem) return Bedomning.Nej("Uppgiften är inte tilldelad dig eller din grupp.");
                var namn = await MedlemsnamnAsync(medlem, ct);
                if (!person.Har(Roller.Kansli)) return Bedomning.Nej($"Uppgiften hör till {namn}; bara medlemmens företrädare kan slutföra den.");
                return string.IsNullOrWhiteSpace(skal)
                    ? Bedomning.Nej($"Uppgiften hör till {namn}. Kansliet kan lämna den för medlemmen bara med ett skäl, som journalförs.")
                    : new Bedomning(true, null, SomOmbud: true);
        }
    }

    /// <summary>
    /// The unclaimed tasks this person may take (<see cref="Uppgiftsatgard.Ta"/>) as the engine's query, so an inbox is
    /// filtered and paged by the database by the same rules as <see cref="ArHandlaggareAsync"/>: offered to one of their
    /// addresses or groups, the group "sokande" only on insatser where they are a kontaktperson. Null: none (a machine
    /// client without the scope).
    /// </summary>
    public async Task<TaskCandidates?> UppgifterAttTaAsync(Person person, CancellationToken ct = default)
    {
        if (!person.HarOmfang(Omfang.HandlaggaUppgifter)) return null;
        var grupper = person.Grupper.Where(g => g != Roller.Sokande).ToList();
        if (!person.Grupper.Contains(Roller.Sokande)) return new([.. person.Adresser], grupper);
        var adresser = person.Adresser.ToList();
        var insatser = await data.Insatser.AsNoTracking()
            .Where(i => i.Kontaktpersoner.Any(k => k.Epost != null && adresser.Contains(k.Epost))).Select(i => i.Id).ToListAsync(ct);
        return new([.. person.Adresser], grupper, [Roller.Sokande], [.. insatser.Select(i => i.ToString())]);
    }

    /// <summary>The actor the engine sees: for the kansli acting on a member's behalf, with that member's group added.</summary>
    public static Engine.TaskActor Aktor(Person person, TaskItem uppgift, Bedomning bedomning) =>
        bedomning.SomOmbud && UppgiftensMedlem(uppgift) is { } m ? new(person.Anvandare, [.. person.Grupper, Person.Medlemsgrupp(m)]) : person.Aktor;

    /// <summary>
    /// May act on it by assignment: its assignee, or while nobody has it a candidate user or a member of a candidate
    /// group. The group "sokande" (tasks of definitions before the kontaktpersoner became candidate users) counts only
    /// for a kontaktperson of that insats.
    /// </summary>
    private async Task<bool> ArHandlaggareAsync(Person person, TaskItem uppgift, CancellationToken ct)
    {
        if (uppgift.Assignee is not null) return uppgift.Assignee == person.Anvandare;
        if (uppgift.CandidateUserList.Any(u => person.Adresser.Contains(u, StringComparer.OrdinalIgnoreCase))) return true;
        var gemensamma = uppgift.CandidateGroupList.Intersect(person.Grupper).ToList();
        if (gemensamma.Any(g => g != Roller.Sokande)) return true;
        return gemensamma.Count > 0 && Guid.TryParse(uppgift.BusinessKey, out var insatsId) && await ArKontaktpersonAsync(person, insatsId, ct);
    }

    /// <summary>Roles that read the förbund's own parameters (beslutförhet and the like).</summary>
    public static readonly string[] ParameterlasandeRoller = [Roller.Kansli, Roller.Admin, Roller.Jurist, Roller.Revisor, Roller.Styrelse];

    /// <summary>
    /// The förbund's parameters that its förbundsordning sets: read by the förbund's overseeing roles; set by its admin
    /// or by the förbundschef of its kansli, never by a machine client.
    /// </summary>
    public static Bedomning Forbundsparametrar(Person person, bool andra)
    {
        if (!andra) return person.HarNagon(ParameterlasandeRoller) ? Bedomning.Ja : Bedomning.Nej("Förbundets parametrar läses av kansliet, styrelsen, juristen, revisorn och administratören.");
        if (person.ArMaskinklient) return Bedomning.Nej("En maskinklient ändrar inte förbundets parametrar.");
        return person.Har(Roller.Admin) || (person.Har(Roller.Kansli) && person.Forbundschef)
            ? Bedomning.Ja : Bedomning.Nej("Bara förbundschefen eller förbundets administratör kan ändra förbundets parametrar.");
    }

    /// <summary>The installation's admin, above every förbund: creates förbund and sees the list of them.</summary>
    public static Bedomning Installationen(Person person) =>
        person.Har(Roller.Installation) && !person.ArMaskinklient ? Bedomning.Ja : Bedomning.Nej("Bara installationens administratör kan göra detta.");

    /// <summary>Whether the förbund is there at all for this person: their active förbund, or any for the installation's admin.</summary>
    public static bool SerForbundet(Person person, Guid forbundId) =>
        (person.Har(Roller.Installation) && !person.ArMaskinklient) || person.ForbundId == forbundId;

    /// <summary>A förbund's whole export: by the installation's admin, or by the förbund's own admin for their own förbund.</summary>
    public static Bedomning ExporteraForbund(Person person, Guid forbundId) =>
        Installationen(person).Tillats || (person.ForbundId == forbundId && person.Har(Roller.Admin) && !person.ArMaskinklient)
            ? Bedomning.Ja : Bedomning.Nej("Bara förbundets administratör eller installationens administratör kan exportera förbundet.");

    public IQueryable<Insats> SynligaInsatser(Person person)
    {
        var insatser = data.Insatser.AsNoTracking();
        if (person.ForbundId is { } forbund) insatser = insatser.Where(i => i.ForbundId == forbund);
        if (person.HarNagon(LasandeRoller)) return insatser;
        if (!person.Har(Roller.Sokande)) return insatser.Where(_ => false);
        var adresser = person.Adresser.ToList();
        return insatser.Where(i => i.Kontaktpersoner.Any(k => k.Epost != null && adresser.Contains(k.Epost)));
    }

    public Task<bool> FarLasaInsatsAsync(Person person, Guid insatsId, CancellationToken ct = default) =>
        SynligaInsatser(person).AnyAsync(i => i.Id == insatsId, ct);

    /// <summary>
    /// The förbund's roles read every document. A sökande reads a document only when its business key names an insats
    /// (its id, or its diarienummer) where they are a kontaktperson; a document without one is not theirs.
    /// </summary>
    public async Task<bool> FarLasaDokumentAsync(Person person, string? affarsnyckel, CancellationToken ct = default)
    {
        if (person.HarNagon(LasandeRoller)) return true;
        if (affarsnyckel is not { Length: > 0 } nyckel) return false;
        var insatser = SynligaInsatser(person);
        return Guid.TryParse(nyckel, out var insatsId)
            ? await insatser.AnyAsync(i => i.Id == insatsId, ct)
            : await insatser.AnyAsync(i => i.Diarienummer == nyckel, ct);
    }

    private async Task<bool> ArKontaktpersonAsync(Person person, Guid insatsId, CancellationToken ct)
    {
        var adresser = person.Adresser.ToList();
        return await data.Insatser.AsNoTracking().AnyAsync(i => i.Id == insatsId && i.Kontaktpersoner.Any(k => k.Epost != null && adresser.Contains(k.Epost)), ct);
    }

    private async Task<string> MedlemsnamnAsync(Guid medlemId, CancellationToken ct) =>
        await data.Medlemmar.AsNoTracking().Where(m => m.Id == medlemId).Select(m => m.Namn).FirstOrDefaultAsync(ct) ?? "en annan medlem";
}
