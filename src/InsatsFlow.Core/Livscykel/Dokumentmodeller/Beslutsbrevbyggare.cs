using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Dokumentmodeller;

/// <summary>The model of the beslutsbrev to the sökande, for the dokument handler (mall = beslutsbrev).</summary>
public sealed class Beslutsbrevbyggare(IDomanData data, Dokumentunderlag underlag) : IDokumentmodellbyggare
{
    public Dokumenttyp Typ => Dokumenttyp.Beslutsbrev;

    public async Task<object> ByggAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        return await underlag.BeslutsbrevAsync(insats, context.Variables, Lasning.Idag(context.Now), cancellationToken);
    }
}
