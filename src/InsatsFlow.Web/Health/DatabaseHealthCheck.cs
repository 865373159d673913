using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InsatsFlow.Web.Health;

/// <summary>Healthy when the database answers a query and has every migration applied.</summary>
internal sealed class DatabaseHealthCheck(InsatsFlowDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0) return HealthCheckResult.Unhealthy($"Databasen saknar migreringar: {string.Join(", ", pending)}");
            await db.Forbund.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("Databasen svarar.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Databasen svarar inte.", e);
        }
    }
}
