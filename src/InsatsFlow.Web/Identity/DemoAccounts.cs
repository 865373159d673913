using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// One demo account per role and förbund (README lists them), created with the demo data only: <see cref="Konton"/> in
/// Samordningsförbundet Demo, <see cref="NordvikKonton"/> in Samordningsförbundet Nordvik, and <see cref="BadaForbunden"/>
/// in both (kansli in Demo, revisor in Nordvik), who chooses at sign-in. The password comes from configuration
/// ("DemoData:Password"); appsettings.json holds a demo value that is no secret.
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

    public static readonly IReadOnlyList<(string Email, string Namn, string Roll, string? Medlem)> NordvikKonton =
    [
        ("kansli.nordvik@demo.insatsflow.se", "Nora Nordin", Roller.Kansli, null),
        ("beredning.nordvik@demo.insatsflow.se", "Bo Berglund", Roller.Beredningsgrupp, "Region Nordvik"),
        ("styrelse.nordvik@demo.insatsflow.se", "Nils Norberg", Roller.Styrelse, "Region Nordvik"),
        (DemoSeeder.NordvikSokande, "Siv Sökare", Roller.Sokande, null),
        ("jurist.nordvik@demo.insatsflow.se", "Juni Juhlin", Roller.Jurist, null),
        ("revisor.nordvik@demo.insatsflow.se", "Ragnar Rask", Roller.Revisor, null),
        ("admin.nordvik@demo.insatsflow.se", "Alva Alm", Roller.Admin, null),
    ];

    /// <summary>The account that belongs to both demo förbund: kansli in Demo, revisor in Nordvik.</summary>
    public const string BadaForbunden = "tva.forbund@demo.insatsflow.se";

    /// <summary>The installation's admin: belongs to no förbund, creates and exports them (<see cref="Roller.Installation"/>).</summary>
    public const string Installationsadmin = "installation@demo.insatsflow.se";

    public async Task EnsureAsync(string password)
    {
        foreach (var roll in Roller.Alla.Append(Roller.Installation))
            if (!await roles.RoleExistsAsync(roll))
                Check(await roles.CreateAsync(new IdentityRole(roll)));

        var forbund = await db.Forbund.AsNoTracking().Where(f => f.Organisationsnummer == DemoSeeder.Organisationsnummer || f.Organisationsnummer == DemoSeeder.NordvikOrganisationsnummer)
            .ToDictionaryAsync(f => f.Organisationsnummer, f => f.Id);
        var demo = forbund[DemoSeeder.Organisationsnummer];
        var nordvik = forbund.GetValueOrDefault(DemoSeeder.NordvikOrganisationsnummer);
        foreach (var (email, namn, roll, medlem, forbundschef) in Konton)
            await KontoAsync(email, namn, medlem, forbundschef, password, [(demo, roll)]);
        await InstallationsadminAsync(password);
        if (nordvik == Guid.Empty) return;
        foreach (var (email, namn, roll, medlem) in NordvikKonton)
            await KontoAsync(email, namn, medlem, false, password, [(nordvik, roll)]);
        await KontoAsync(BadaForbunden, "Tove Tvåsson", null, false, password, [(demo, Roller.Kansli), (nordvik, Roller.Revisor)]);
    }

    /// <summary>Creates the account once; its roles per förbund are made sure of at every start (a database from before förbund had members gets them).</summary>
    private async Task KontoAsync(string email, string namn, string? medlem, bool forbundschef, string password, (Guid Forbund, string Roll)[] roller)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // by name within its förbund: the demo has two kommuner, and a list read without ORDER BY has no order to rely on
            var forbundId = roller[0].Forbund;
            user = new Anvandare
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                Namn = namn,
                ArForbundschef = forbundschef,
                MedlemId = medlem is null ? null : await db.Medlemmar.Where(m => m.ForbundId == forbundId && m.Namn == medlem).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(),
            };
            Check(await users.CreateAsync(user, password));
        }
        foreach (var (forbundId, roll) in roller)
        {
            // the Identity role is the union over the förbund; the cookie carries the active förbund's (AnvandareClaimsFactory)
            if (!await users.IsInRoleAsync(user, roll)) Check(await users.AddToRoleAsync(user, roll));
            if (!await db.Forbundsroller.AnyAsync(r => r.AnvandareId == user.Id && r.ForbundId == forbundId && r.Roll == roll))
                db.Forbundsroller.Add(new Forbundsroll { AnvandareId = user.Id, ForbundId = forbundId, Roll = roll });
        }
        await db.SaveChangesAsync();
    }

    private async Task InstallationsadminAsync(string password)
    {
        var user = await users.FindByEmailAsync(Installationsadmin);
        if (user is null)
        {
            user = new Anvandare { UserName = Installationsadmin, Email = Installationsadmin, EmailConfirmed = true, Namn = "Ingrid Installationsdotter" };
            Check(await users.CreateAsync(user, password));
        }
        if (!await users.IsInRoleAsync(user, Roller.Installation)) Check(await users.AddToRoleAsync(user, Roller.Installation));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demokontot kunde inte skapas: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
