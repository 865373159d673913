using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// beslut: records the decision the form before it set. ide: an avslag becomes a Beslut (vidare and komplettera
/// stay in the journal and ideBeslut, so an idé is never counted as granted money); styrelse: a Beslut with its
/// sammanträde and §; implementering: the Implementeringsbeslut's date; budget: Arsbudget.AntagenDatum.
/// </summary>
public sealed class BeslutHandler(IDomanData data) : IServiceTaskHandler
{
    public string Name => "beslut";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var v = context.Variables;
        var idag = Lasning.Idag(context.Now);
        switch (context.Properties.GetValueOrDefault("beslut"))
        {
            case "ide":
            {
                if (Processvariabler.Text(v, "ideBeslut") != "avsla") return Id(null);
                var insats = await Lasning.InsatsAsync(data, v, cancellationToken);
                // An idé is rejected once: an avslag already recorded without a § (the beredningsgrupp's, not a
                // sammanträde's) is this decision, not a second one.
                var beslut = insats.Beslut.FirstOrDefault(b => b.Typ == BeslutsTyp.Avslag && b.Paragraf is null && b.SammantradeId is null);
                if (beslut is null)
                {
                    beslut = new Beslut { InsatsId = insats.Id, Typ = BeslutsTyp.Avslag, Datum = idag };
                    data.Beslut.Add(beslut);
                    insats.Beslut.Add(beslut);
                }
                beslut.Motivering = Processvariabler.Text(v, "motivering") ?? beslut.Motivering;
                return Id(beslut.Id);
            }
            case "styrelse":
            {
                var insats = await Lasning.InsatsAsync(data, v, cancellationToken);
                var typ = Processvariabler.Text(v, "styrelsebeslut") switch
                {
                    "bifall" => BeslutsTyp.Bifall,
                    "avslag" => BeslutsTyp.Avslag,
                    _ => BeslutsTyp.Aterremiss,
                };
                var datum = Lasning.Datum(v.GetValueOrDefault("sammantradesdatum")) ?? idag;
                var paragraf = Lasning.Heltal(v.GetValueOrDefault("paragraf"));
                // The sammanträde's date and § name one decision: one already recorded under them (a repeated step, or
                // one registered before the process ran) is that decision, completed here rather than recorded twice.
                var beslut = paragraf is null ? null : insats.Beslut.FirstOrDefault(b => b.Datum == datum && b.Paragraf == paragraf);
                if (beslut is null)
                {
                    beslut = new Beslut { InsatsId = insats.Id, Datum = datum, Paragraf = paragraf };
                    data.Beslut.Add(beslut);
                    insats.Beslut.Add(beslut);
                }
                beslut.SammantradeId = Processvariabler.Guid(v, Processvariabler.SammantradeId);
                beslut.Typ = typ;
                beslut.BeviljatBelopp = typ == BeslutsTyp.Bifall ? Lasning.Belopp(v.GetValueOrDefault("beviljatBelopp")) ?? insats.BudgetSumma() : null;
                beslut.Motivering = Processvariabler.Text(v, "motivering") ?? beslut.Motivering;
                return Id(beslut.Id);
            }
            case "implementering":
            {
                var insats = await Lasning.InsatsAsync(data, v, cancellationToken);
                var ib = insats.Implementeringsbeslut ?? throw new InvalidOperationException($"Insatsen {insats.Diarienummer} har inget implementeringsbeslut att registrera.");
                ib.Beslutsdatum = Lasning.Datum(v.GetValueOrDefault("sammantradesdatum")) ?? idag;
                return Id(null);
            }
            case "budget":
            {
                var budget = await Lasning.BudgetAsync(data, v, cancellationToken)
                    ?? throw new InvalidOperationException($"Det finns ingen budget för {Processvariabler.Text(v, Processvariabler.Budgetar)}.");
                budget.AntagenDatum = Lasning.Datum(v.GetValueOrDefault("antagenDatum")) ?? budget.AntagenDatum ?? idag;
                return Id(budget.Id);
            }
            default:
                throw new InvalidOperationException($"{context.ElementId}: beslut = \"{context.Properties.GetValueOrDefault("beslut")}\" är okänt; giltiga är ide, styrelse, implementering, budget.");
        }
    }

    private static Dictionary<string, object?> Id(Guid? id) => new() { ["beslutId"] = id?.ToString() };
}
