using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Dokumentmodeller;

/// <summary>The model of the kansli's tjänsteskrivelse, for the dokument handler (mall = tjansteskrivelse).</summary>
public sealed class Tjansteskrivelsebyggare(IDomanData data, Dokumentunderlag underlag) : IDokumentmodellbyggare
{
    public Dokumenttyp Typ => Dokumenttyp.Tjansteskrivelse;

    public async Task<object> ByggAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        return await underlag.TjansteskrivelseAsync(insats, context.Variables, Lasning.Idag(context.Now), cancellationToken);
    }
}
