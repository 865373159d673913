using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Data;

/// <summary>
/// The domain's tables as features see them (implemented by InsatsFlowDbContext). Features add and change
/// entities but never save: the engine command or the API handler that called them commits everything
/// in one transaction.
/// </summary>
public interface IDomanData
{
    DbSet<Forbund> Forbund { get; }
    DbSet<Medlem> Medlemmar { get; }
    DbSet<Styrelse> Styrelser { get; }
    DbSet<Sammantrade> Sammantraden { get; }
    DbSet<Insats> Insatser { get; }
    DbSet<Beslut> Beslut { get; }
    DbSet<Arsbudget> Arsbudgetar { get; }
    DbSet<Diariepost> Diarieposter { get; }
    DbSet<Forbundsparameter> Forbundsparametrar { get; }
    DbSet<Forbundshandelse> Forbundshandelser { get; }
}
