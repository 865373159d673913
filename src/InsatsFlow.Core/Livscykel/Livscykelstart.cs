using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Livscykel;

/// <summary>Starts the lifecycle processes: an insats (registered and started in one commit) and a budget year.</summary>
public sealed class Livscykelstart(ProcessEngine engine, TimeProvider tid)
{
    public const string Insatsprocess = "insats-livscykel";
    public const string Budgetprocess = "budgetprocess";

    /// <summary>
    /// Registers a new insats (diarienummer given here) in phase Idéfas and starts its lifecycle with the insats's id as
    /// business key; the insats and the instance commit together. <paramref name="uppfoljningsintervall"/> is ISO 8601 ("P6M").
    /// <paramref name="process"/> is another process key to start for it instead (the designer's trial run of a draft).
    /// </summary>
    public async Task<(Insats Insats, CommandResult Resultat)> StartaInsatsAsync(
        Guid forbundId, string titel, string sokandeOrganisation, string? userId = null, string? uppfoljningsintervall = null,
        string? idempotencyKey = null, CancellationToken ct = default, Kontaktperson? kontaktperson = null, string? process = null)
    {
        var insats = new Insats { ForbundId = forbundId, Diarienummer = "", Titel = titel, SokandeOrganisation = sokandeOrganisation };
        // The sökande who registers it is its first kontaktperson, and so may see it and act on its sökande steps.
        if (kontaktperson is not null) insats.Kontaktpersoner.Add(kontaktperson);
        var variabler = new Dictionary<string, object?> { ["insatsId"] = insats.Id.ToString(), ["forbundId"] = forbundId.ToString(), ["titel"] = titel };
        if (uppfoljningsintervall is not null) variabler["uppfoljningsintervall"] = uppfoljningsintervall;
        if (userId is not null) variabler[Sokande.RegistreradAv] = userId;
        var resultat = await engine.StartAsync(new StartCommand(process ?? Insatsprocess)
        {
            BusinessKey = insats.Id.ToString(), Variables = variabler, UserId = userId, IdempotencyKey = idempotencyKey,
            // the insats id is new on each try: a repeat is the same registration when the same things were registered
            Arguments = new Dictionary<string, object?>
            {
                ["forbundId"] = forbundId.ToString(), ["titel"] = titel, ["sokandeOrganisation"] = sokandeOrganisation,
                ["uppfoljningsintervall"] = uppfoljningsintervall, ["kontaktperson"] = kontaktperson?.Epost,
            },
            // registered in the command's scope, so the insats and the instance commit together
            Alongside = async (tjanster, avbryt) =>
            {
                insats.Diarienummer = await tjanster.GetRequiredService<Diarium>().NastaAsync(forbundId, Lasning.Idag(tid.GetUtcNow()).Year, avbryt);
                tjanster.GetRequiredService<IDomanData>().Insatser.Add(insats);
            },
        }, ct);
        return (insats, resultat);
    }

    /// <summary>
    /// Starts the lifecycle of an insats that is already registered (business key = its id; registrera-insats links the
    /// instance to it), as the demo does for its seeded insatser.
    /// </summary>
    public Task<CommandResult> StartaForInsatsAsync(Insats insats, string? userId = null, CancellationToken ct = default) =>
        engine.StartAsync(new StartCommand(Insatsprocess)
        {
            BusinessKey = insats.Id.ToString(),
            Variables = new Dictionary<string, object?>
            {
                ["insatsId"] = insats.Id.ToString(), ["forbundId"] = insats.ForbundId.ToString(), ["titel"] = insats.Titel,
            },
            UserId = userId,
        }, ct);

    /// <summary>The business key of one förbund's budget year: one budget process per year and förbund.</summary>
    public static string Budgetnyckel(int budgetar, Guid forbundId) => $"budget-{budgetar}-{forbundId:N}";

    /// <summary>How far ahead the kansli may start a budget year's process: this year and the next three (KL 11 kap 6 §'s plan).</summary>
    public const int BudgetarFramat = 3;

    /// <summary>
    /// The kansli starts the budget process for a chosen year: once per förbund and year (the yearly calendar uses the
    /// same business key, so neither starts a second one), and only for a year it makes sense to budget now.
    /// </summary>
    /// <exception cref="DomainValidationException">The year is implausible (field budgetar).</exception>
    /// <exception cref="EngineConflictException">The year's process is already started.</exception>
    public async Task<CommandResult> StartaBudgetForAretAsync(Guid forbundId, int budgetar, string? userId, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var iar = Lasning.Idag(tid.GetUtcNow()).Year;
        if (budgetar < iar || budgetar > iar + BudgetarFramat)
            throw new DomainValidationException([new("budgetar", $"Budgetåret {budgetar} kan inte startas nu; välj ett år från {iar} till {iar + BudgetarFramat}.")]);
        var tidigare = await engine.FindInstancesAsync(Budgetprocess, Budgetnyckel(budgetar, forbundId), ct: ct);
        if (tidigare.Count > 0)
            throw new EngineConflictException($"Budgetprocessen för {budgetar} är redan startad ({(tidigare.Any(i => i.Status == Engine.Store.InstanceStatus.Running) ? "pågår" : "avslutad")}); den startas bara en gång per år.");
        return await StartaBudgetAsync(forbundId, budgetar, userId, idempotencyKey, ct);
    }

    /// <summary>Starts the budget work for <paramref name="budgetar"/> (business key <see cref="Budgetnyckel"/>).</summary>
    public Task<CommandResult> StartaBudgetAsync(Guid forbundId, int budgetar, string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        engine.StartAsync(new StartCommand(Budgetprocess)
        {
            BusinessKey = Budgetnyckel(budgetar, forbundId),
            Variables = new Dictionary<string, object?> { ["budgetar"] = budgetar, ["forbundId"] = forbundId.ToString() },
            UserId = userId,
            IdempotencyKey = idempotencyKey,
        }, ct);
}
