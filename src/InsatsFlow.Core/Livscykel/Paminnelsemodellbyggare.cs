using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument.Modeller;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;

namespace InsatsFlow.Core.Livscykel;

/// <summary>The reminder's model for the lifecycle processes: the förbund as sender, the insats (or budget year) as ärende.</summary>
public sealed class Paminnelsemodellbyggare(IDomanData data, LivscykelOptions options) : IPaminnelsemodellbyggare
{
    public async Task<PaminnelseModell> ByggAsync(Paminnelsetillfalle t, CancellationToken cancellationToken)
    {
        var v = t.Steg.Variables;
        var insats = Processvariabler.Guid(v, Processvariabler.InsatsId) is { } id ? await data.Insatser.FindAsync([id], cancellationToken) : null;
        var forbundId = insats?.ForbundId ?? Processvariabler.Guid(v, Processvariabler.ForbundId);
        var forbund = forbundId is { } f ? await data.Forbund.FindAsync([f], cancellationToken) : null;
        var arende = insats?.Titel ?? (Processvariabler.Text(v, Processvariabler.Budgetar) is { } ar ? $"Budget {ar}" : t.Steg.BusinessKey ?? t.Steg.ProcessInstanceId);
        return new PaminnelseModell(
            new Forbundsuppgifter(forbund?.Namn ?? "", forbund?.Organisationsnummer ?? "", options.Postadress, options.Webbplats),
            t.Mottagare.Id, t.Niva, t.Uppgift.Name ?? t.Uppgift.ElementId, arende, insats?.Diarienummer,
            t.Forfallodatum, t.ArbetsdagarKvar, t.Uppgift.Assignee, null);
    }
}
