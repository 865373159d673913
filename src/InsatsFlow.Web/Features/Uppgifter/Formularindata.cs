using System.Text.Json;
using InsatsFlow.Core.Formular;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>
/// What form-js starts from on a task page: the alternatives the server took from a regelverk (a field with
/// properties alternativRegelverk/alternativLista reads them from valuesKey "&lt;key&gt;Alternativ"), so the browser offers
/// exactly the list the server checks against.
/// </summary>
public static class Formularindata
{
    public static string Json(Formulardefinition? formular)
    {
        var data = new Dictionary<string, object>();
        foreach (var falt in formular?.Falt.SelectMany(f => f.Kolumner is null ? [f] : f.Kolumner.Prepend(f)) ?? [])
            if (falt.AlternativFran is not null)
                data[falt.Namn + "Alternativ"] = (falt.Alternativ ?? []).Select(a => new { label = a.Etikett, value = a.Varde }).ToList();
        return JsonSerializer.Serialize(data);
    }
}
