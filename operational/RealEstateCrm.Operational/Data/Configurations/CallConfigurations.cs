using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.HasIndex(x => x.AgentNo).IsUnique();
        b.HasIndex(x => x.Extension).IsUnique();
        b.References<Agent, User>(x => x.UserId);
        b.HasMany(x => x.Skills).WithOne().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentSkillConfiguration : IEntityTypeConfiguration<AgentSkill>
{
    public void Configure(EntityTypeBuilder<AgentSkill> b) => b.HasIndex(x => new { x.AgentId, x.Skill }).IsUnique();
}

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> b)
    {
        b.HasIndex(x => x.CallId);
        b.HasIndex(x => new { x.CustomerId, x.StartedAt });
        b.HasIndex(x => x.StartedAt);
        b.Property(x => x.IvrPath).HasMaxLength(500);
        b.Property(x => x.RecordingFile).HasMaxLength(500);
        b.References<CallRecord, CallRecord>(x => x.ParentId);
        b.References<CallRecord, Customer>(x => x.CustomerId);
        b.References<CallRecord, Agent>(x => x.AgentId);
        b.References<CallRecord, CallListEntry>(x => x.CallListEntryId);
    }
}

internal sealed class VoicemailConfiguration : IEntityTypeConfiguration<Voicemail>
{
    public void Configure(EntityTypeBuilder<Voicemail> b)
    {
        b.Property(x => x.File).HasMaxLength(500);
        b.References<Voicemail, CallRecord>(x => x.CallRecordId);
        b.References<Voicemail, Customer>(x => x.CustomerId);
        b.References<Voicemail, WorkOrder>(x => x.WorkOrderId);
    }
}

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public void Configure(EntityTypeBuilder<OutgoingMessage> b)
    {
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasIndex(x => x.Status);
        b.References<OutgoingMessage, Customer>(x => x.CustomerId);
    }
}

internal sealed class DialerRunConfiguration : IEntityTypeConfiguration<DialerRun>
{
    public void Configure(EntityTypeBuilder<DialerRun> b)
    {
        b.HasIndex(x => new { x.CallListId, x.StoppedAt });
        b.References<DialerRun, CallList>(x => x.CallListId);
        b.References<DialerRun, User>(x => x.StartedByUserId);
        b.References<DialerRun, User>(x => x.StoppedByUserId);
    }
}

internal sealed class DialerCallConfiguration : IEntityTypeConfiguration<DialerCall>
{
    public void Configure(EntityTypeBuilder<DialerCall> b)
    {
        b.HasIndex(x => x.CallId).IsUnique();
        b.HasIndex(x => new { x.DialerRunId, x.Outcome });
        b.HasIndex(x => x.CallListEntryId);
        b.References<DialerCall, DialerRun>(x => x.DialerRunId);
        b.References<DialerCall, CallListEntry>(x => x.CallListEntryId);
    }
}
