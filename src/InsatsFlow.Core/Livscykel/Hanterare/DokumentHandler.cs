using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>dokument: renders templates/&lt;mall&gt;.sbn with the insats's document model and archives it, immutable, with the instance.</summary>
public sealed class DokumentHandler(IDomanData data, Dokumentunderlag underlag, Dokumentproduktion produktion) : IServiceTaskHandler
{
    public string Name => "dokument";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var mall = context.Properties.GetValueOrDefault("mall");
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        var idag = Lasning.Idag(context.Now);
        var (typ, modell) = mall switch
        {
            "tjansteskrivelse" => (Dokumenttyp.Tjansteskrivelse, (object)await underlag.TjansteskrivelseAsync(insats, context.Variables, idag, cancellationToken)),
            "protokollsutdrag" => (Dokumenttyp.Protokollsutdrag, await underlag.ProtokollsutdragAsync(insats, context.Variables, cancellationToken)),
            "beslutsbrev" => (Dokumenttyp.Beslutsbrev, await underlag.BeslutsbrevAsync(insats, context.Variables, idag, cancellationToken)),
            _ => throw new InvalidOperationException($"{context.ElementId}: mall = \"{mall}\" är okänd; giltiga är tjansteskrivelse, protokollsutdrag, beslutsbrev."),
        };
        var dokument = await produktion.ProduceraAsync(typ, modell, context.ProcessInstanceId, insats.Diarienummer, cancellationToken);
        return new Dictionary<string, object?> { [$"dokument_{mall}"] = dokument.Id.ToString() };
    }
}
