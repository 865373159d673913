using InsatsFlow.Engine;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// serviceTask camunda:type="renderaDokument" with camunda:property dokumenttyp (tjansteskrivelse,
/// protokollsutdrag, beslutsbrev, paminnelse, uppfoljningsrapport) and optionally resultat (the variable
/// that gets the document id; default "&lt;dokumenttyp&gt;Id"). The document is archived in the step's
/// transaction, with the instance id and business key.
/// </summary>
public sealed class RenderaDokumentHandler(Dokumentproduktion produktion, IEnumerable<IDokumentmodellbyggare> byggare) : IServiceTaskHandler
{
    public const string Namn = "renderaDokument";

    public string Name => Namn;

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var typ = Typ(context);
        var modellbyggare = byggare.FirstOrDefault(b => b.Typ == typ)
            ?? throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: det finns ingen modellbyggare för dokumenttypen {typ}.");
        var modell = await modellbyggare.ByggAsync(context, cancellationToken);
        var dokument = await produktion.ProduceraAsync(typ, modell, context.ProcessInstanceId, context.BusinessKey, cancellationToken);
        var variabel = context.Properties.GetValueOrDefault("resultat") ?? DokumentRenderer.Mallnamn(typ) + "Id";
        return new Dictionary<string, object?> { [variabel] = dokument.Id.ToString() };
    }

    private static Dokumenttyp Typ(ServiceTaskContext context)
    {
        var giltiga = string.Join(", ", Enum.GetValues<Dokumenttyp>().Select(DokumentRenderer.Mallnamn));
        if (!context.Properties.TryGetValue("dokumenttyp", out var text) || string.IsNullOrWhiteSpace(text))
            throw new InvalidOperationException($"Serviceuppgiften {context.ElementId} saknar egenskapen dokumenttyp (en av {giltiga}).");
        return Enum.TryParse<Dokumenttyp>(text, ignoreCase: true, out var typ) && Enum.IsDefined(typ)
            ? typ
            : throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: dokumenttypen \"{text}\" finns inte (en av {giltiga}).");
    }
}
