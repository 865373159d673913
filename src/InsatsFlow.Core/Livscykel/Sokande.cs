using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Who does the sökande's steps (the process variable "sokande", the tasks' candidateUsers): the insats's
/// kontaktpersoner by e-post; while it has none with an e-post, the person who registered it ("registreradAv").
/// </summary>
public static class Sokande
{
    public const string Variabel = "sokande";
    public const string RegistreradAv = "registreradAv";

    public static List<object?> For(Insats insats, IReadOnlyDictionary<string, object?> variabler)
    {
        var epost = insats.Kontaktpersoner.Select(k => k.Epost?.Trim()).Where(e => !string.IsNullOrEmpty(e))
            .Distinct(StringComparer.OrdinalIgnoreCase).Cast<object?>().ToList();
        if (epost.Count == 0 && Processvariabler.Text(variabler, RegistreradAv) is { Length: > 0 } registrerare) epost.Add(registrerare);
        return epost;
    }
}
