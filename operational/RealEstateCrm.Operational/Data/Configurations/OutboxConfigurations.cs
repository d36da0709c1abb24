using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => (string?)x.Payload).IsUnboundedText();
    }
}

internal sealed class OutboxCounterConfiguration : IEntityTypeConfiguration<OutboxCounter>
{
    public void Configure(EntityTypeBuilder<OutboxCounter> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new OutboxCounter { Id = 1, LastSequence = 0 });
    }
}

internal sealed class TrueProbabilityConfiguration : IEntityTypeConfiguration<TrueProbability>
{
    public void Configure(EntityTypeBuilder<TrueProbability> b)
    {
        b.Property(x => x.Outcome).HasMaxLength(50);
        b.HasIndex(x => new { x.Outcome, x.CustomerId });
    }
}
