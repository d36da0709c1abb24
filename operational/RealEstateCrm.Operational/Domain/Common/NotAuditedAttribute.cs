namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>A secret (a password hash) that must never be copied into the audit log or the outbox.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
