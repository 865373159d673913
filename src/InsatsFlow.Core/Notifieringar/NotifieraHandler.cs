using System.Globalization;
using System.Text.RegularExpressions;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// sendTask/serviceTask camunda:type="notifiera". camunda:properties: mottagare ("grupp:beredningsgrupp" or
/// "anvandare:karin.ek"), amne, text, and optionally kanal (epost|inkorg), nyckel (deduplication key).
/// {variabel} in any of them is replaced by the instance variable's value. The notification is queued in
/// the step's transaction.
/// </summary>
public sealed partial class NotifieraHandler(INotificationOutbox utkorg) : IServiceTaskHandler
{
    public const string Namn = "notifiera";

    public string Name => Namn;

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var mottagare = Mottagare(context, Krav(context, "mottagare"));
        var kanal = Valfri(context, "kanal") switch
        {
            null or "epost" => Kanal.Epost,
            "inkorg" => Kanal.Inkorg,
            var annan => throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: kanalen \"{annan}\" finns inte (epost eller inkorg)."),
        };
        var rad = await utkorg.KoaAsync(
            new NyNotifiering(mottagare, kanal, Krav(context, "amne"), Krav(context, "text"), null, Valfri(context, "nyckel"), context.ProcessInstanceId),
            cancellationToken);
        return new Dictionary<string, object?> { ["notifieringId"] = rad.Id.ToString() };
    }

    private static Mottagare Mottagare(ServiceTaskContext context, string varde)
    {
        var delar = varde.Split(':', 2, StringSplitOptions.TrimEntries);
        return delar switch
        {
            ["grupp", { Length: > 0 } id] => Notifieringar.Mottagare.Grupp(id),
            ["anvandare", { Length: > 0 } id] => Notifieringar.Mottagare.Anvandare(id),
            _ => throw new InvalidOperationException(
                $"Serviceuppgiften {context.ElementId}: mottagaren \"{varde}\" ska skrivas grupp:<grupp> eller anvandare:<användare>."),
        };
    }

    private static string Krav(ServiceTaskContext context, string egenskap) =>
        Valfri(context, egenskap)
        ?? throw new InvalidOperationException($"Serviceuppgiften {context.ElementId} saknar egenskapen {egenskap}.");

    private static string? Valfri(ServiceTaskContext context, string egenskap) =>
        context.Properties.TryGetValue(egenskap, out var text) && !string.IsNullOrWhiteSpace(text) ? ErsattVariabler(context, text) : null;

    private static string ErsattVariabler(ServiceTaskContext context, string text) =>
        Platshallare().Replace(text, m => context.Variables.TryGetValue(m.Groups[1].Value, out var varde) && varde is not null
            ? Text(varde)
            : throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: variabeln {m.Groups[1].Value} finns inte på instansen."));

    /// <summary>Numbers as Swedes write them (2027, not 2027.0; 0,25, not 0.25); everything else as it is.</summary>
    private static string Text(object varde) => varde switch
    {
        long or int => Convert.ToString(varde, CultureInfo.InvariantCulture)!,
        decimal d => Dokument.SvenskFormatering.Tal(d),
        DateOnly d => Dokument.SvenskFormatering.DatumKort(d),
        _ => Convert.ToString(varde, CultureInfo.InvariantCulture) ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Platshallare();
}
