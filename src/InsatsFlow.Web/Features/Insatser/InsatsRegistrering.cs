using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Insatser;

/// <summary>
/// Registers a new insats and starts its lifecycle (insats-livscykel) in one commit. A sökande who registers it
/// becomes its kontaktperson, so it is theirs to see and to fill in.
/// </summary>
public sealed class InsatsRegistrering(Livscykelstart start, IDomanData data)
{
    public const int MaxTitel = 300;

    public async Task<Utfall<RegistreradInsats>> RegistreraAsync(NyInsats ny, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        if (string.IsNullOrWhiteSpace(ny.Titel)) fel.Add(new("titel", "Titel måste fyllas i."));
        else if (ny.Titel.Length > MaxTitel) fel.Add(new("titel", $"Titeln får vara högst {MaxTitel} tecken."));
        if (string.IsNullOrWhiteSpace(ny.SokandeOrganisation)) fel.Add(new("sokandeOrganisation", "Sökande organisation måste fyllas i."));
        if (ny.Uppfoljningsintervall is { } intervall && !System.Text.RegularExpressions.Regex.IsMatch(intervall, "^P(\\d+[YMWD])+$"))
            fel.Add(new("uppfoljningsintervall", "Uppföljningsintervallet anges som en ISO 8601-period, till exempel P6M."));
        if (fel.Count > 0) return Utfall<RegistreradInsats>.Ogiltigt(fel);

        var forbund = await data.Forbund.AsNoTracking().OrderBy(f => f.Namn).FirstOrDefaultAsync(ct);
        if (forbund is null) return Utfall<RegistreradInsats>.Konflikt("Inget förbund är registrerat ännu.");
        var epost = user.Identity?.Name ?? "";
        var kontakt = user.IsInRole(Roller.Sokande)
            ? new Kontaktperson { Namn = user.FindFirstValue(AnvandareClaimsFactory.Namn) ?? epost, Epost = epost, Organisation = ny.SokandeOrganisation, Roll = "Sökande" }
            : null;
        Insats insats;
        CommandResult resultat;
        try
        {
            (insats, resultat) = await start.StartaInsatsAsync(forbund.Id, ny.Titel!.Trim(), ny.SokandeOrganisation!.Trim(), epost,
                ny.Uppfoljningsintervall, requestId, ct, kontakt);
        }
        catch (IdempotencyKeyReusedException e)
        {
            return Utfall<RegistreradInsats>.Obearbetbar(e.Message);
        }
        catch (DomainValidationException e)
        {
            // the insats is written with its start: a field the domain refuses (too long, say) stops both, naming it
            return Utfall<RegistreradInsats>.Ogiltigt(e.Fel);
        }
        return Utfall<RegistreradInsats>.Ok(new(insats.Id, insats.Diarienummer, resultat.InstanceId, resultat.OpenTaskIds));
    }
}

public sealed record NyInsats(string? Titel, string? SokandeOrganisation, string? Uppfoljningsintervall = null);

public sealed record RegistreradInsats(Guid Id, string Diarienummer, string? InstansId, IReadOnlyList<string> Uppgifter);
