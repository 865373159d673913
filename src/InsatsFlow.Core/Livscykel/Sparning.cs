using InsatsFlow.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// An owned entity with a client-made Guid key added to a tracked owner's collection looks "existing" to EF
/// (the key is set), which would turn its INSERT into an UPDATE of nothing; this marks it as new.
/// </summary>
internal static class Sparning
{
    public static void NyAgd<T>(IDomanData data, T entitet) where T : class
    {
        if (data is not DbContext db) return;
        db.ChangeTracker.DetectChanges();
        foreach (var post in db.ChangeTracker.Entries<T>())
            if (ReferenceEquals(post.Entity, entitet) && post.State != EntityState.Added)
                post.State = EntityState.Added;
    }
}
