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
                var beslut = new Beslut { InsatsId = insats.Id, Typ = BeslutsTyp.Avslag, Datum = idag, Motivering = Processvariabler.Text(v, "motivering") };
                data.Beslut.Add(beslut);
                insats.Beslut.Add(beslut);
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
                var beslut = new Beslut
                {
                    InsatsId = insats.Id,
                    SammantradeId = Processvariabler.Guid(v, Processvariabler.SammantradeId),
                    Typ = typ,
                    Datum = Lasning.Datum(v.GetValueOrDefault("sammantradesdatum")) ?? idag,
                    Paragraf = Lasning.Heltal(v.GetValueOrDefault("paragraf")),
                    BeviljatBelopp = typ == BeslutsTyp.Bifall ? Lasning.Belopp(v.GetValueOrDefault("beviljatBelopp")) ?? insats.BudgetSumma() : null,
                    Motivering = Processvariabler.Text(v, "motivering"),
                };
                data.Beslut.Add(beslut);
                insats.Beslut.Add(beslut);
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
