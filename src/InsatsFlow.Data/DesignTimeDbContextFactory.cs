using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InsatsFlow.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InsatsFlowDbContext>
{
    public InsatsFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
