using System.Globalization;
using System.Text.Json;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Loading;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Installation;

/// <summary>One parameter a förbundsordning sets, as the kansli sees it: the rule file's value, the förbund's own, and the one in force.</summary>
public sealed record Forbundsparametervy(string Regelverk, string Version, string Namn, string Beskrivning, decimal Standard,
    decimal? Forbundets, decimal Gallande, DateTime? AndradUtc, string? AndradAv);

/// <summary>
/// The parameters that a förbundsordning sets (beslutförhet and the like): the rules stay one national catalogue, and a
/// förbund may give its own value to the parameters a rule file lists under <c>forbundsparametrar</c>. The gates of its
/// insatser are then evaluated with that value (<see cref="Regelprovning.Regelgrind"/>). Changes are added, not saved,
/// and journalled as a <see cref="Forbundshandelse"/> in the same save.
/// </summary>
public sealed class Forbundsparametrar(IDomanData data, RuleCatalogueHolder regler, TimeProvider tid)
{
    private DateOnly Idag => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid.GetUtcNow(), SvenskaArbetsdagar.Stockholm).DateTime);

    /// <summary>Every settable parameter of the versions in force today, with the file's value.</summary>
    public IReadOnlyList<(RuleFile Fil, string Namn, decimal Standard)> Katalog()
    {
        var lista = new List<(RuleFile, string, decimal)>();
        foreach (var regelverk in regler.Current.Regelverk.Order(StringComparer.Ordinal))
        {
            if (regler.Current.InForce(regelverk, Idag) is not { } fil || fil.Forbundsparametrar.Count == 0) continue;
            using var parametrar = JsonDocument.Parse(fil.ParametrarJson);
            foreach (var namn in fil.Forbundsparametrar)
                lista.Add((fil, namn, parametrar.RootElement.GetProperty(namn).GetDecimal()));
        }
        return lista;
    }

    public async Task<IReadOnlyList<Forbundsparametervy>> ListaAsync(Guid forbundId, CancellationToken ct = default)
    {
        var egna = await data.Forbundsparametrar.AsNoTracking().Where(p => p.ForbundId == forbundId).ToListAsync(ct);
        return [.. Katalog().Select(k =>
        {
            var egen = egna.FirstOrDefault(p => p.Regelverk == k.Fil.Regelverk && p.Namn == k.Namn);
            return new Forbundsparametervy(k.Fil.Regelverk, k.Fil.Version, k.Namn, Beskrivning(k.Fil), k.Standard, egen?.Varde,
                egen?.Varde ?? k.Standard, egen?.AndradUtc, egen?.AndradAv);
        })];
    }

    /// <summary>The förbund's own values for one regelverk (empty when it has none): what its evaluations read.</summary>
    public async Task<Dictionary<string, decimal>> ForbundetsAsync(Guid forbundId, string regelverk, CancellationToken ct = default) =>
        await data.Forbundsparametrar.AsNoTracking().Where(p => p.ForbundId == forbundId && p.Regelverk == regelverk)
            .ToDictionaryAsync(p => p.Namn, p => p.Varde, ct);

    /// <summary>Whether the parameter exists and a förbund may set it.</summary>
    public bool Finns(string regelverk, string namn) => Katalog().Any(k => k.Fil.Regelverk == regelverk && k.Namn == namn);

    /// <summary>
    /// Sets the förbund's value (added to the context, not saved). A bad value is refused with the field "varde" named and
    /// nothing added. A whole-number parameter takes whole numbers; a share (the file's value between 0 and 1) a share.
    /// </summary>
    public async Task<Valideringsfel?> SattAsync(Guid forbundId, string regelverk, string namn, decimal? varde, string anvandare, CancellationToken ct = default)
    {
        var (fil, _, standard) = Katalog().First(k => k.Fil.Regelverk == regelverk && k.Namn == namn);
        if (Fel(namn, standard, varde) is { } fel) return fel;
        var nu = tid.GetUtcNow().UtcDateTime;
        var rad = await data.Forbundsparametrar.FirstOrDefaultAsync(p => p.ForbundId == forbundId && p.Regelverk == regelverk && p.Namn == namn, ct);
        var tidigare = rad?.Varde ?? standard;
        if (rad is null) data.Forbundsparametrar.Add(rad = new Forbundsparameter { ForbundId = forbundId, Regelverk = regelverk, Namn = namn, AndradAv = anvandare });
        rad.Varde = varde!.Value;
        rad.AndradUtc = nu;
        rad.AndradAv = anvandare;
        data.Forbundshandelser.Add(new Forbundshandelse
        {
            ForbundId = forbundId, TidUtc = nu, Anvandare = anvandare, Handelse = "parameter.satt",
            Beskrivning = $"{regelverk}.{namn} ändrad från {Text(tidigare)} till {Text(rad.Varde)} (regelfilens värde {Text(standard)}, {fil.Regelverk} {fil.Version}).",
        });
        return null;
    }

    /// <summary>Removes the förbund's value so the rule file's holds again; false when it had none.</summary>
    public async Task<bool> AterstallAsync(Guid forbundId, string regelverk, string namn, string anvandare, CancellationToken ct = default)
    {
        var rad = await data.Forbundsparametrar.FirstOrDefaultAsync(p => p.ForbundId == forbundId && p.Regelverk == regelverk && p.Namn == namn, ct);
        if (rad is null) return false;
        var standard = Katalog().First(k => k.Fil.Regelverk == regelverk && k.Namn == namn).Standard;
        data.Forbundsparametrar.Remove(rad);
        data.Forbundshandelser.Add(new Forbundshandelse
        {
            ForbundId = forbundId, TidUtc = tid.GetUtcNow().UtcDateTime, Anvandare = anvandare, Handelse = "parameter.aterstalld",
            Beskrivning = $"{regelverk}.{namn} återställd från {Text(rad.Varde)} till regelfilens värde {Text(standard)}.",
        });
        return true;
    }

    private static Valideringsfel? Fel(string namn, decimal standard, decimal? varde)
    {
        if (varde is not { } v) return new("varde", $"Ange ett värde för {namn} (ett tal).");
        if (standard == decimal.Truncate(standard) && v != decimal.Truncate(v))
            return new("varde", $"{namn} ska vara ett heltal; {Text(v)} är det inte.");
        if (standard is > 0 and < 1 && v is < 0 or >= 1)
            return new("varde", $"{namn} är en andel och ska vara minst 0 och mindre än 1 (0,5 betyder mer än hälften); {Text(v)} är det inte.");
        if (v < 0) return new("varde", $"{namn} får inte vara negativ; {Text(v)} är det.");
        return null;
    }

    private static string Beskrivning(RuleFile fil) => fil.Beskrivning;

    public static string Text(decimal v) => v.ToString("0.######", CultureInfo.GetCultureInfo("sv-SE"));
}
