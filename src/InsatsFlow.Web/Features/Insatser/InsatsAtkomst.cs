using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Web.Features.Insatser;

/// <summary>
/// Which insatser a user may read: every role of the förbund reads all; a sökande only those where
/// they are a kontaktperson.
/// </summary>
public static class InsatsAtkomst
{
    public static readonly string[] LasandeRoller =
        [Roller.Kansli, Roller.Beredningsgrupp, Roller.Styrelse, Roller.Sokande, Roller.Jurist, Roller.Revisor, Roller.Admin];

    public static IQueryable<Insats> Synliga(this IQueryable<Insats> insatser, ClaimsPrincipal user)
    {
        if (LasandeRoller.Where(r => r != Roller.Sokande).Any(user.IsInRole)) return insatser;
        if (!user.IsInRole(Roller.Sokande)) return insatser.Where(_ => false);
        var epost = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        return insatser.Where(i => i.Kontaktpersoner.Any(k => k.Epost == epost));
    }
}
