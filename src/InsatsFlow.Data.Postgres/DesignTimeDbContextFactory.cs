using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InsatsFlow.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InsatsFlowDbContext>
{
    public InsatsFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>()
            .UseInsatsFlowDatabase(InsatsFlowDatabase.Postgres("Host=localhost;Database=insatsflow_design")).Options);
}
