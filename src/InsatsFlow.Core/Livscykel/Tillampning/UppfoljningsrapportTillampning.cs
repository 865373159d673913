using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// uppfoljningsrapport: one Uppfoljningsrapport on the insats, with the task's due date as its last day.
/// Participants started and ended and utfall per budgettyp go next to the text (for SUS); the report is registered as received in the diarium.
/// </summary>
public sealed class UppfoljningsrapportTillampning(IDomanData data, Diarium diarium) : IFormulartillampning
{
    public string FormKey => "uppfoljningsrapport";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var v = f.Varden;
        var fran = Lasning.Datum(v.GetValueOrDefault("periodFran"));
        var till = Lasning.Datum(v.GetValueOrDefault("periodTill"));
        if (fran is null || till is null) return [new("periodFran", "Rapportperioden måste anges.")];
        if (till < fran) return [new("periodTill", "Perioden slutar innan den börjar.")];
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        // The period names the report: one already handed in for it (a repeated step, or one received before the
        // process ran) is that report, its content replaced; it keeps when it first came in and its diarium entry.
        var rapport = insats.Uppfoljningsrapporter.FirstOrDefault(r => r.PeriodFran == fran.Value && r.PeriodTill == till.Value);
        var ny = rapport is null;
        if (rapport is null)
        {
            rapport = new Uppfoljningsrapport { PeriodFran = fran.Value, PeriodTill = till.Value, SistaDag = Lasning.Idag(f.Uppgift.DueAt ?? f.Nu), Inlamnad = f.Nu.ToUniversalTime() };
            insats.Uppfoljningsrapporter.Add(rapport);
            Sparning.NyAgd(data, rapport);
        }
        rapport.AntalDeltagare = Lasning.Heltal(v.GetValueOrDefault("antalDeltagare"));
        rapport.Sammanfattning = Lasning.Text(v.GetValueOrDefault("sammanfattning"));
        rapport.LamnadAv = f.Anvandare;
        rapport.DeltagarePaborjade = Lasning.Heltal(v.GetValueOrDefault("deltagarePaborjade"));
        rapport.DeltagareAvslutade = Lasning.Heltal(v.GetValueOrDefault("deltagareAvslutade"));
        rapport.Utfall.Clear();
        foreach (var rad in Lasning.Rader(v.GetValueOrDefault("utfall")))
            if (Lasning.Text(rad, "budgettyp") is { Length: > 0 } typ)
                rapport.Utfall.Add(new RapporteratUtfall { Budgettyp = typ, Belopp = Lasning.Belopp(rad.GetValueOrDefault("belopp")) ?? 0 });
        if (ny)
            await diarium.RegistreraAsync(insats, $"Uppföljningsrapport {fran:yyyy-MM-dd}–{till:yyyy-MM-dd}", Handlingsriktning.Inkommen, Lasning.Idag(f.Nu), null, ct);
        return [];
    }
}
