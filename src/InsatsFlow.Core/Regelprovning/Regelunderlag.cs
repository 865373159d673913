using System.Globalization;
using InsatsFlow.Core.Data;
using Microsoft.EntityFrameworkCore;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// Builds a gate's rule input from the views of the domain (<see cref="Regelvyer"/>): for each view a rule file names
/// in its indata, the fields it reads, from the insats, budget or meeting as they stand when the gate runs. A new
/// regelverk over these views needs no C#; the loader refuses a view or field that is not offered here.
/// </summary>
public sealed class Regelunderlag(IDomanData data, Sus.SusKatalog? sus = null)
{
    public static InputViewCatalogue Vyer => Regelvyer.Katalog;

    /// <summary>
    /// The input of <paramref name="fil"/>: each of its indata parameters that names a view, built once, with the fields
    /// the file reads. A parameter that is not a view (only possible without the loader's view check) is left out, so
    /// the caller's variables of that name are used.
    /// </summary>
    public async Task<Dictionary<string, object?>> ByggAsync(RuleFile fil, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var kallor = new Underlagskallor(data, variabler, sus?.Vardelistor);
        var resultat = new Dictionary<string, object?>();
        foreach (var (namn, shape) in fil.Indata)
        {
            if (!Regelvyer.Byggare.TryGetValue(namn, out var vy)) continue;
            var falt = shape is ObjectShape objekt ? objekt.Fields.Select(f => f.Name) : vy.Keys;
            var varden = new Dictionary<string, object?>();
            foreach (var f in falt)
                if (vy.TryGetValue(f, out var bygg)) varden[f] = await bygg(kallor, ct);
            resultat[namn] = varden;
        }
        return resultat;
    }

    /// <summary>
    /// The input a gate of <paramref name="fil"/> would get for a real case: an insats by its diarienummer ("SF 2026/012")
    /// or a budget by its year ("2027"), built the same way. Fel says in Swedish why it could not be built.
    /// </summary>
    public async Task<(Dictionary<string, object?>? Indata, string? Fel)> ForArendeAsync(RuleFile fil, string arende, CancellationToken ct)
    {
        var text = arende.Trim();
        Dictionary<string, object?> variabler;
        var insats = await data.Insatser.Where(i => i.Diarienummer == text).Select(i => new { i.Id, i.ForbundId }).FirstOrDefaultAsync(ct);
        if (insats is not null)
            variabler = new() { [Processvariabler.InsatsId] = insats.Id.ToString(), [Processvariabler.ForbundId] = insats.ForbundId.ToString() };
        else if (int.TryParse(text.Replace("budget", "", StringComparison.OrdinalIgnoreCase).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ar)
                 && await data.Arsbudgetar.Where(b => b.Ar == ar).Select(b => (Guid?)b.ForbundId).FirstOrDefaultAsync(ct) is { } forbundId)
            variabler = new() { [Processvariabler.Budgetar] = ar, [Processvariabler.ForbundId] = forbundId.ToString() };
        else
            return (null, $"Det finns ingen insats med diarienummer \"{text}\" och ingen budget för året \"{text}\".");
        try
        {
            return (await ByggAsync(fil, variabler, ct), null);
        }
        catch (InvalidOperationException e)
        {
            return (null, $"Underlaget för {fil.Regelverk} kunde inte byggas för {text}: {e.Message}");
        }
    }
}
