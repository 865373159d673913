using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Dokument.Modeller;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// A reminder or escalation as an e-mail: the body is templates/paminnelse.sbn rendered, queued in the
/// outbox in the caller's unit of work.
/// </summary>
public sealed class Paminnelseutskick(DokumentRenderer renderer, INotificationOutbox utkorg)
{
    public async Task<Notifiering> KoaAsync(
        PaminnelseModell modell,
        Mottagare mottagare,
        DateTimeOffset? forfaller = null,
        string? dedupliceringsnyckel = null,
        string? processInstansId = null,
        CancellationToken cancellationToken = default)
    {
        var html = (await renderer.RenderaAsync(Dokumenttyp.Paminnelse, modell, cancellationToken)).Html;
        return await utkorg.KoaAsync(
            new NyNotifiering(mottagare, Kanal.Epost, Amne(modell), html, forfaller, dedupliceringsnyckel, processInstansId, InnehallArHtml: true),
            cancellationToken);
    }

    public static string Amne(PaminnelseModell modell)
    {
        var slag = modell.Niva switch
        {
            "eskalering" => "Eskalering",
            "förfallen" => "Försenad uppgift",
            _ => "Påminnelse",
        };
        var amne = $"{slag}: {modell.Uppgift} – {modell.Arende}";
        if (modell.Diarienummer is { } dnr) amne += $" ({dnr})";
        return amne.Length > NyNotifiering.MaxAmne ? amne[..NyNotifiering.MaxAmne] : amne;
    }
}
