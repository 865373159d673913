using InsatsFlow.Core.Data;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// Builds a gate's rule input from the views of the domain (<see cref="Regelvyer"/>): for each view a rule file names
/// in its indata, the fields it reads, from the insats, budget or meeting as they stand when the gate runs. A new
/// regelverk over these views needs no C#; the loader refuses a view or field that is not offered here.
/// </summary>
public sealed class Regelunderlag(IDomanData data)
{
    public static InputViewCatalogue Vyer => Regelvyer.Katalog;

    /// <summary>
    /// The input of <paramref name="fil"/>: each of its indata parameters that names a view, built once, with the fields
    /// the file reads. A parameter that is not a view (only possible without the loader's view check) is left out, so
    /// the caller's variables of that name are used.
    /// </summary>
    public async Task<Dictionary<string, object?>> ByggAsync(RuleFile fil, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var kallor = new Underlagskallor(data, variabler);
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
}
