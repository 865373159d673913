using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Web.Identity;

namespace InsatsFlow.Web.Features.Insatser;

/// <summary>Which insatser a user may read, as <see cref="Behorighetskontroll"/> answers it; the roles the insats API admits.</summary>
public static class InsatsAtkomst
{
    public static readonly string[] LasandeRoller = [.. Behorighetskontroll.LasandeRoller, Roller.Sokande];

    public static IQueryable<Insats> Synliga(this Behorighetskontroll behorighet, ClaimsPrincipal user) => behorighet.SynligaInsatser(user.Person());
}
