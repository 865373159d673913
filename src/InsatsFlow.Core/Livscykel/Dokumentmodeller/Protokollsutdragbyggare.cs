using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Dokumentmodeller;

/// <summary>The model of the protokollsutdrag of the styrelse's §, for the dokument handler (mall = protokollsutdrag).</summary>
public sealed class Protokollsutdragbyggare(IDomanData data, Dokumentunderlag underlag) : IDokumentmodellbyggare
{
    public Dokumenttyp Typ => Dokumenttyp.Protokollsutdrag;

    public async Task<object> ByggAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        return await underlag.ProtokollsutdragAsync(insats, context.Variables, cancellationToken);
    }
}
