using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Every document InsatsFlow produces in an insats's ärende is registered in the diarium as it is archived, in the
/// same unit of work. Reminders are not: a handling of passing importance need not be registered (OSL 5 kap 1 §).
/// </summary>
public sealed class Diarieforing(IDomanData data, Diarium diarium, TimeProvider tid) : IDokumentregistrering
{
    public async Task RegistreraAsync(ArkiveratDokument dokument, CancellationToken ct)
    {
        if (dokument.Typ == Dokumenttyp.Paminnelse || !Guid.TryParse(dokument.Affarsnyckel, out var insatsId)) return;
        var insats = data.Insatser.Local.FirstOrDefault(i => i.Id == insatsId) ?? await data.Insatser.FirstOrDefaultAsync(i => i.Id == insatsId, ct);
        if (insats is null) return;
        var namn = Handlingsnamn(dokument.Typ);
        // The same kind of handling already registered without its document (registered before InsatsFlow made it, as
        // the demo's history is) is this handling: it gets its document instead of a second entry in the diarium.
        var utanDokument = data.Diarieposter.Local.Where(d => d.InsatsId == insats.Id && d.DokumentId == null)
            .Concat(await data.Diarieposter.Where(d => d.InsatsId == insats.Id && d.DokumentId == null).ToListAsync(ct))
            .Where(d => d.Handling == namn || d.Handling.StartsWith(namn + " ", StringComparison.Ordinal))
            .OrderBy(d => d.Lopnummer).FirstOrDefault();
        if (utanDokument is not null)
        {
            utanDokument.DokumentId = dokument.Id;
            return;
        }
        var idag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid.GetUtcNow(), SvenskaArbetsdagar.Stockholm).DateTime);
        await diarium.RegistreraAsync(insats, namn, Handlingsriktning.Upprattad, idag, dokument.Id, ct);
    }

    public static string Handlingsnamn(Dokumenttyp typ) => typ switch
    {
        Dokumenttyp.Tjansteskrivelse => "Tjänsteskrivelse",
        Dokumenttyp.Protokollsutdrag => "Protokollsutdrag",
        Dokumenttyp.Beslutsbrev => "Beslutsbrev",
        Dokumenttyp.Uppfoljningsrapport => "Uppföljningsrapport",
        _ => "Påminnelse",
    };
}
