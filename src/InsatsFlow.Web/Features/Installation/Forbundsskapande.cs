using System.Security.Cryptography;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Installation;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Installation;

/// <summary>
/// Forms a förbund for the installation's admin, for the API and the page alike: the checks of
/// <see cref="Forbundsbildning"/>, then the förbund, its members, its styrelse, its first users (new accounts, or roles in
/// the new förbund for existing ones) and the journal entry in one transaction — all or nothing.
/// A new account's first password is shown once, in the answer.
/// </summary>
public sealed class Forbundsskapande(Forbundsbildning bildning, InsatsFlowDbContext db, UserManager<Anvandare> users, RoleManager<IdentityRole> rollerna, TimeProvider tid)
{
    public async Task<Results<Created<SkapatForbund>, ValidationProblem, ProblemHttpResult>> SkapaAsync(NyttForbund nytt, string anvandare, CancellationToken ct)
    {
        var (utkast, fel) = await bildning.ProvaAsync(nytt, ct);
        if (utkast is null) return ProblemResults.Validering(fel, "Förbundet kan inte bildas; inget har sparats.");
        var forbund = utkast.Forbund;
        if (await db.Forbund.IgnoreQueryFilters().AnyAsync(f => f.Organisationsnummer == forbund.Organisationsnummer, ct))
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Förbundet finns redan.",
                $"Det finns redan ett förbund med organisationsnummer {forbund.Organisationsnummer} (fältet organisationsnummer).");

        // the installation's admin belongs to no förbund: while forming this one, the context sees it (the checks on save
        // find its members); accounts are not filtered by förbund
        db.Forbundsfilter = new FastForbund(forbund.Id);
        await using var transaktion = await db.Database.BeginTransactionAsync(ct);
        db.Forbund.Add(forbund);
        await db.SaveChangesAsync(ct);
        db.Styrelser.Add(utkast.Styrelse);
        db.Forbundshandelser.Add(new Forbundshandelse
        {
            ForbundId = forbund.Id, TidUtc = tid.GetUtcNow().UtcDateTime, Anvandare = anvandare, Handelse = "forbund.skapat",
            Beskrivning = $"{forbund.Namn} ({forbund.Organisationsnummer}) bildat med {forbund.Medlemmar.Count} medlemmar, "
                + $"{utkast.Styrelse.Ledamoter.Count} platser i styrelsen och användarna {string.Join(", ", utkast.Anvandare.Select(a => $"{a.Epost} ({string.Join(", ", a.Roller)})"))}.",
        });
        await db.SaveChangesAsync(ct);

        var konton = new List<ForstaKonto>();
        for (var i = 0; i < utkast.Anvandare.Count; i++)
        {
            var (epost, namn, roller, medlemId, forbundschef) = utkast.Anvandare[i];
            var konto = await users.FindByEmailAsync(epost);
            string? losenord = null;
            if (konto is null)
            {
                konto = new Anvandare
                {
                    UserName = epost, Email = epost, EmailConfirmed = true, Namn = namn, MedlemId = medlemId,
                    ArForbundschef = forbundschef, AktivtForbundId = forbund.Id,
                };
                losenord = Losenord();
                if (await users.CreateAsync(konto, losenord) is { Succeeded: false } inte)
                    return ProblemResults.Validering([.. inte.Errors.Select(e => new Valideringsfel($"anvandare[{i}].epost", e.Description))],
                        "Förbundet kan inte bildas; inget har sparats.");
            }
            foreach (var roll in roller)
            {
                if (!await rollerna.RoleExistsAsync(roll) && await rollerna.CreateAsync(new IdentityRole(roll)) is { Succeeded: false } saknas)
                    return ProblemResults.Validering([.. saknas.Errors.Select(e => new Valideringsfel($"anvandare[{i}].roller", e.Description))],
                        "Förbundet kan inte bildas; inget har sparats.");
                if (!await users.IsInRoleAsync(konto, roll) && await users.AddToRoleAsync(konto, roll) is { Succeeded: false } inte)
                    return ProblemResults.Validering([.. inte.Errors.Select(e => new Valideringsfel($"anvandare[{i}].roller", e.Description))],
                        "Förbundet kan inte bildas; inget har sparats.");
                db.Forbundsroller.Add(new Forbundsroll { AnvandareId = konto.Id, ForbundId = forbund.Id, Roll = roll });
            }
            konton.Add(new ForstaKonto(epost, namn, [.. roller], losenord));
        }
        await db.SaveChangesAsync(ct);
        await transaktion.CommitAsync(ct);
        return TypedResults.Created($"/api/installation/forbund/{forbund.Id}",
            new SkapatForbund(InstallationApi.Dto(forbund, utkast.Anvandare.Count), konton));
    }

    /// <summary>A first password that meets Identity's rules (length, upper and lower case, digit, sign); shown once.</summary>
    private static string Losenord() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "-Aa1";
}

/// <summary>The förbund formed, and each first user; <see cref="ForstaKonto.Losenord"/> only for an account made now, shown this once.</summary>
public sealed record SkapatForbund(ForbundDto Forbund, IReadOnlyList<ForstaKonto> Anvandare);

public sealed record ForstaKonto(string Epost, string Namn, IReadOnlyList<string> Roller, string? Losenord);
