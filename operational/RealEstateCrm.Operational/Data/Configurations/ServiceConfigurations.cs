using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class ReceptionRecordConfiguration : IEntityTypeConfiguration<ReceptionRecord>
{
    public void Configure(EntityTypeBuilder<ReceptionRecord> b)
    {
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.References<ReceptionRecord, Customer>(x => x.CustomerId);
        b.References<ReceptionRecord, CallRecord>(x => x.CallRecordId);
        b.References<ReceptionRecord, User>(x => x.ReceivedByUserId);
        b.References<ReceptionRecord, WorkOrder>(x => x.WorkOrderId);
    }
}

internal sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    public void Configure(EntityTypeBuilder<ComplaintCategory> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.References<ComplaintCategory, ComplaintCategory>(x => x.ParentId);
        b.References<ComplaintCategory, OrgUnit>(x => x.DefaultDepartmentId);
    }
}

internal sealed class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.HasMany(x => x.Scopes).WithOne().HasForeignKey(x => x.ContractorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractorScopeConfiguration : IEntityTypeConfiguration<ContractorScope>
{
    public void Configure(EntityTypeBuilder<ContractorScope> b)
    {
        b.HasIndex(x => new { x.ProjectId, x.ComplaintCategoryId, x.ContractorId }).IsUnique();
        b.References<ContractorScope, Project>(x => x.ProjectId);
        b.References<ContractorScope, ComplaintCategory>(x => x.ComplaintCategoryId);
    }
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Resolution).HasMaxLength(2000);
        b.Property(x => x.ReplyToCustomer).HasMaxLength(2000);
        b.Ignore(x => x.IsOpen);
        b.References<WorkOrder, Customer>(x => x.CustomerId);
        b.References<WorkOrder, Project>(x => x.ProjectId);
        b.References<WorkOrder, Unit>(x => x.UnitId);
        b.References<WorkOrder, ComplaintCategory>(x => x.CategoryId);
        b.References<WorkOrder, OrgUnit>(x => x.DepartmentId);
        b.References<WorkOrder, Contractor>(x => x.ContractorId);
        b.References<WorkOrder, ComplaintTopic>(x => x.ComplaintTopicId);
    }
}

internal sealed class WorkOrderEventConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    public void Configure(EntityTypeBuilder<WorkOrderEvent> b)
    {
        b.Property(x => x.Note).HasMaxLength(2000);
        b.References<WorkOrderEvent, WorkOrder>(x => x.WorkOrderId);
        b.HasIndex(x => new { x.WorkOrderId, x.At });
    }
}

internal sealed class ComplaintTopicConfiguration : IEntityTypeConfiguration<ComplaintTopic>
{
    public void Configure(EntityTypeBuilder<ComplaintTopic> b)
    {
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.References<ComplaintTopic, Project>(x => x.ProjectId);
        b.References<ComplaintTopic, ComplaintCategory>(x => x.CategoryId);
    }
}

internal sealed class CompensationConfiguration : IEntityTypeConfiguration<Compensation>
{
    public void Configure(EntityTypeBuilder<Compensation> b)
    {
        b.References<Compensation, WorkOrder>(x => x.WorkOrderId);
        b.References<Compensation, Customer>(x => x.CustomerId);
    }
}

internal sealed class ContractorChargeBackConfiguration : IEntityTypeConfiguration<ContractorChargeBack>
{
    public void Configure(EntityTypeBuilder<ContractorChargeBack> b)
    {
        b.References<ContractorChargeBack, WorkOrder>(x => x.WorkOrderId);
        b.References<ContractorChargeBack, Contractor>(x => x.ContractorId);
    }
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b) =>
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b) => b.Property(x => x.Text).HasMaxLength(500);
}

internal sealed class ReturnVisitConfiguration : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> b)
    {
        b.References<ReturnVisit, Customer>(x => x.CustomerId);
        b.References<ReturnVisit, WorkOrder>(x => x.WorkOrderId);
        b.References<ReturnVisit, Questionnaire>(x => x.QuestionnaireId);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ReturnVisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000);
        b.References<Answer, Question>(x => x.QuestionId);
    }
}
