using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel;

/// <summary>Starts the lifecycle processes: an insats (registered and started in one commit) and a budget year.</summary>
public sealed class Livscykelstart(ProcessEngine engine, IDomanData data, Diarium diarium, TimeProvider tid)
{
    public const string Insatsprocess = "insats-livscykel";
    public const string Budgetprocess = "budgetprocess";

    /// <summary>
    /// Registers a new insats (diarienummer given here) in phase Idéfas and starts its lifecycle with the insats's id as
    /// business key; the insats and the instance commit together. <paramref name="uppfoljningsintervall"/> is ISO 8601 ("P6M").
    /// </summary>
    public async Task<(Insats Insats, CommandResult Resultat)> StartaInsatsAsync(
        Guid forbundId, string titel, string sokandeOrganisation, string? userId = null, string? uppfoljningsintervall = null,
        string? idempotencyKey = null, CancellationToken ct = default, Kontaktperson? kontaktperson = null)
    {
        var insats = new Insats
        {
            ForbundId = forbundId,
            Diarienummer = await diarium.NastaAsync(forbundId, Lasning.Idag(tid.GetUtcNow()).Year, ct),
            Titel = titel,
            SokandeOrganisation = sokandeOrganisation,
        };
        // The sökande who registers it is its first kontaktperson, and so may see it and act on its sökande steps.
        if (kontaktperson is not null) insats.Kontaktpersoner.Add(kontaktperson);
        data.Insatser.Add(insats);
        var variabler = new Dictionary<string, object?> { ["insatsId"] = insats.Id.ToString(), ["forbundId"] = forbundId.ToString(), ["titel"] = titel };
        if (uppfoljningsintervall is not null) variabler["uppfoljningsintervall"] = uppfoljningsintervall;
        var resultat = await engine.StartAsync(new StartCommand(Insatsprocess)
        {
            BusinessKey = insats.Id.ToString(), Variables = variabler, UserId = userId, IdempotencyKey = idempotencyKey,
        }, ct);
        return (insats, resultat);
    }

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
