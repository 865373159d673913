using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// registrera-insats: ties the instance to its insats (insatsId, else the business key), creating the insats when
/// the instance was started with only the idé (forbundId, titel, sokandeOrganisation), and sets the defaults.
/// </summary>
public sealed class RegistreraInsatsHandler(IDomanData data, Diarium diarium) : IServiceTaskHandler
{
    public string Name => "registrera-insats";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var v = context.Variables;
        var id = Processvariabler.Guid(v, Processvariabler.InsatsId) ?? (Guid.TryParse(context.BusinessKey, out var nyckel) ? nyckel : null);
        Insats insats;
        if (id is { } insatsId)
        {
            insats = await data.Insatser.FindAsync([insatsId], cancellationToken) ?? throw new InvalidOperationException($"Insatsen {insatsId} finns inte.");
        }
        else
        {
            var forbundId = Processvariabler.KravGuid(v, Processvariabler.ForbundId);
            insats = new Insats
            {
                ForbundId = forbundId,
                Diarienummer = await diarium.NastaAsync(forbundId, Lasning.Idag(context.Now).Year, cancellationToken),
                Titel = Processvariabler.Text(v, "titel") ?? throw new InvalidOperationException("Processvariabeln \"titel\" saknas."),
                SokandeOrganisation = Processvariabler.Text(v, "sokandeOrganisation") ?? throw new InvalidOperationException("Processvariabeln \"sokandeOrganisation\" saknas."),
            };
            data.Insatser.Add(insats);
        }
        return new Dictionary<string, object?>
        {
            [Processvariabler.InsatsId] = insats.Id.ToString(),
            [Processvariabler.ForbundId] = insats.ForbundId.ToString(),
            ["diarienummer"] = insats.Diarienummer,
            ["uppfoljningsintervall"] = Processvariabler.Text(v, "uppfoljningsintervall") ?? "P6M",
            [Sokande.Variabel] = Sokande.For(insats, v),
        };
    }
}
