using System.Collections;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InsatsFlow.Data;

/// <summary>
/// Text longer than its column allows is refused before anything is written, naming the field. PostgreSQL enforces
/// the mapped lengths and SQLite does not, so without this the same input would be saved on one and fail with a
/// driver error on the other. Covers the domain's rows (aggregates and what they own).
/// </summary>
internal static class ColumnLengthCheck
{
    public static IEnumerable<Valideringsfel> Check(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Metadata.ClrType.Namespace != typeof(Insats).Namespace) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.Metadata.GetMaxLength() is not { } max) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (property.CurrentValue is string text && text.Length > max)
                    yield return new Valideringsfel($"{PathOf(context, entry)}.{property.Metadata.Name}", $"Högst {max} tecken (värdet har {text.Length}).");
            }
        }
    }

    /// <summary>"Insats", or for an owned row the way to it from its aggregate, e.g. "Insats.Budgetrader[2]".</summary>
    private static string PathOf(DbContext context, EntityEntry entry)
    {
        if (entry.Metadata.FindOwnership() is not { PrincipalToDependent: { } navigation } ownership) return entry.Metadata.ClrType.Name;
        foreach (var owner in context.ChangeTracker.Entries().Where(e => e.Metadata == ownership.PrincipalEntityType))
        {
            var value = navigation.GetGetter().GetClrValueUsingContainingEntity(owner.Entity);
            if (ReferenceEquals(value, entry.Entity)) return $"{PathOf(context, owner)}.{navigation.Name}";
            if (value is IList list && list.IndexOf(entry.Entity) is var i and >= 0) return $"{PathOf(context, owner)}.{navigation.Name}[{i}]";
        }
        return $"{ownership.PrincipalEntityType.ClrType.Name}.{navigation.Name}";
    }
}
