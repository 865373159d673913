using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>ansokan: sections 5–10, kontaktpersoner, budget lines, berörda medlemmar (by name), målgrupp and period.</summary>
public sealed class AnsokanTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "ansokan";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        var v = f.Varden;
        var fel = new List<Valideringsfel>();
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == insats.ForbundId).ToListAsync(ct);
        var valda = new List<Medlem>();
        var i = 0;
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("berordaMedlemmar")))
        {
            var namn = Lasning.Text(rad, "medlem");
            var medlem = medlemmar.FirstOrDefault(m => string.Equals(m.Namn, namn, StringComparison.OrdinalIgnoreCase));
            if (medlem is null) fel.Add(new($"berordaMedlemmar[{i}].medlem", $"\"{namn}\" är ingen medlem i förbundet; medlemmarna är {string.Join(", ", medlemmar.Select(m => m.Namn))}."));
            else valda.Add(medlem);
            i++;
        }
        var start = Lasning.Datum(v.GetValueOrDefault("periodStart"));
        var slut = Lasning.Datum(v.GetValueOrDefault("periodSlut"));
        if (start is { } s && slut is { } e && e <= s) fel.Add(new("periodSlut", "Perioden måste sluta efter att den börjar."));
        if (fel.Count > 0) return fel;

        var a = insats.Avsnitt;
        a.ProjektstyrningOchOrganisation = Lasning.Text(v.GetValueOrDefault("projektstyrning"));
        a.RelationTillAndraVerksamheter = Lasning.Text(v.GetValueOrDefault("relationTillAndraVerksamheter"));
        a.Resurser = Lasning.Text(v.GetValueOrDefault("resurser"));
        a.Tidplan = Lasning.Text(v.GetValueOrDefault("tidplan"));
        a.Utvardering = Lasning.Text(v.GetValueOrDefault("utvardering"));
        a.Implementering = Lasning.Text(v.GetValueOrDefault("implementering"));
        insats.PeriodStart = start;
        insats.PeriodSlut = slut;
        insats.Malgrupp.Beskrivning = Lasning.Text(v.GetValueOrDefault("malgruppBeskrivning")) ?? "";
        insats.Malgrupp.AlderFran = Lasning.Heltal(v.GetValueOrDefault("malgruppAlderFran"));
        insats.Malgrupp.AlderTill = Lasning.Heltal(v.GetValueOrDefault("malgruppAlderTill"));

        insats.Kontaktpersoner.Clear();
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("kontaktpersoner")))
            insats.Kontaktpersoner.Add(new Kontaktperson
            {
                Namn = Lasning.Text(rad, "namn") ?? "", Roll = Lasning.Text(rad, "roll"), Organisation = Lasning.Text(rad, "organisation"),
                Epost = Lasning.Text(rad, "epost"), Telefon = Lasning.Text(rad, "telefon"),
            });
        insats.Budgetrader.Clear();
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("budgetrader")))
            insats.Budgetrader.Add(new Budgetrad
            {
                Kostnadstyp = Lasning.Text(rad, "kostnadstyp") ?? "", Ar = Lasning.Heltal(rad.GetValueOrDefault("ar")) ?? 0,
                Belopp = Lasning.Belopp(rad.GetValueOrDefault("belopp")) ?? 0, Beskrivning = Lasning.Text(rad, "beskrivning"),
            });
        f.Varden[Sokande.Variabel] = Sokande.For(insats, f.Processvariabler);
        insats.InvolveradeMedlemmar.RemoveAll(m => valda.All(x => x.Id != m.MedlemId));
        foreach (var medlem in valda) insats.InvolveraMedlem(medlem.Id);
        return [];
    }
}
