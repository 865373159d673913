using InsatsFlow.Engine;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// serviceTask camunda:type="dokument" with camunda:property mall (tjansteskrivelse, protokollsutdrag,
/// beslutsbrev, paminnelse, uppfoljningsrapport) and optionally resultat (the variable that gets the
/// document id; default "dokument_&lt;mall&gt;"), as workflows/README.md describes. The document is archived
/// in the step's transaction, with the instance id and business key.
/// </summary>
public sealed class RenderaDokumentHandler(Dokumentproduktion produktion, IEnumerable<IDokumentmodellbyggare> byggare) : IServiceTaskHandler
{
    public const string Namn = "dokument";

    public string Name => Namn;

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var typ = Typ(context);
        var modellbyggare = byggare.FirstOrDefault(b => b.Typ == typ)
            ?? throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: det finns ingen modellbyggare för dokumenttypen {typ}.");
        var modell = await modellbyggare.ByggAsync(context, cancellationToken);
        // the instance's förbund (the engine's tenant variable) decides whose template version renders it
        var forbund = Regelprovning.Processvariabler.Guid(context.Variables, Regelprovning.Processvariabler.ForbundId);
        var dokument = await produktion.ProduceraAsync(typ, modell, context.ProcessInstanceId, context.BusinessKey, forbund, cancellationToken);
        var variabel = context.Properties.GetValueOrDefault("resultat") ?? "dokument_" + DokumentRenderer.Mallnamn(typ);
        return new Dictionary<string, object?> { [variabel] = dokument.Id.ToString() };
    }

    private static Dokumenttyp Typ(ServiceTaskContext context)
    {
        var giltiga = string.Join(", ", Enum.GetValues<Dokumenttyp>().Select(DokumentRenderer.Mallnamn));
        if (!context.Properties.TryGetValue("mall", out var text) || string.IsNullOrWhiteSpace(text))
            throw new InvalidOperationException($"Serviceuppgiften {context.ElementId} saknar egenskapen mall (en av {giltiga}).");
        return Enum.GetValues<Dokumenttyp>().Where(t => DokumentRenderer.Mallnamn(t) == text.Trim().ToLowerInvariant()).Cast<Dokumenttyp?>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: mallen \"{text}\" finns inte (en av {giltiga}).");
    }
}
