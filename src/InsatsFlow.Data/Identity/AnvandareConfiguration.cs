using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Identity;

internal sealed class AnvandareConfiguration : IEntityTypeConfiguration<Anvandare>
{
    public void Configure(EntityTypeBuilder<Anvandare> b)
    {
        b.Property(a => a.Namn).HasMaxLength(200);
        b.HasOne<Medlem>().WithMany().HasForeignKey(a => a.MedlemId).OnDelete(DeleteBehavior.Restrict);
    }
}
