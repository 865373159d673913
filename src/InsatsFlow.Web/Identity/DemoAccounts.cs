using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// One demo account per role (README lists them), created with the demo data only. The password comes
/// from configuration ("DemoData:Password"); appsettings.json holds a demo value that is no secret.
/// </summary>
public sealed class DemoAccounts(UserManager<Anvandare> users, RoleManager<IdentityRole> roles, InsatsFlowDbContext db)
{
    public static readonly IReadOnlyList<(string Email, string Namn, string Roll, string? Medlem, bool Forbundschef)> Konton =
    [
        ("kansli@demo.insatsflow.se", "Karin Kanslisson", Roller.Kansli, null, true),
        ("beredning@demo.insatsflow.se", "Bengt Beredare", Roller.Beredningsgrupp, "Försäkringskassan", false),
        ("beredning.region@demo.insatsflow.se", "Rebecka Regionsdotter", Roller.Beredningsgrupp, "Region Demo", false),
        ("beredning.kommun@demo.insatsflow.se", "Kalle Kommunsson", Roller.Beredningsgrupp, "Norrby kommun", false),
        ("beredning.af@demo.insatsflow.se", "Amira Arbetsförmedlare", Roller.Beredningsgrupp, "Arbetsförmedlingen", false),
        ("styrelse@demo.insatsflow.se", "Anna Lindqvist", Roller.Styrelse, "Region Demo", false),
        ("sokande@demo.insatsflow.se", "Helena Strand", Roller.Sokande, null, false),
        ("jurist@demo.insatsflow.se", "Julia Juridik", Roller.Jurist, null, false),
        ("revisor@demo.insatsflow.se", "Rolf Revisor", Roller.Revisor, null, false),
        ("admin@demo.insatsflow.se", "Ada Admin", Roller.Admin, null, false),
    ];

    public async Task EnsureAsync(string password)
    {
        foreach (var roll in Roller.Alla)
            if (!await roles.RoleExistsAsync(roll))
                Check(await roles.CreateAsync(new IdentityRole(roll)));

        var medlemmar = await db.Medlemmar.AsNoTracking().ToListAsync();
        foreach (var (email, namn, roll, medlem, forbundschef) in Konton)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new Anvandare
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                Namn = namn,
                ArForbundschef = forbundschef,
                // by name: the demo has two kommuner, and a list read without ORDER BY has no order to rely on
                MedlemId = medlem is null ? null : medlemmar.FirstOrDefault(m => m.Namn == medlem)?.Id,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, roll));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demokontot kunde inte skapas: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
