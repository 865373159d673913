using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>The demo's first förbund as the engine's tenant: an instance a test starts is its, as the demo accounts' are.</summary>
public static class Demoforbundet
{
    public static async Task<string> TenantAsync(IServiceProvider services) =>
        (await services.GetRequiredService<InsatsFlowDbContext>().Forbund
            .Where(f => f.Organisationsnummer == DemoSeeder.Organisationsnummer).Select(f => f.Id).SingleAsync()).ToString();
}
