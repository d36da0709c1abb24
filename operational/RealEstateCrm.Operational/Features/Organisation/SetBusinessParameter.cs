using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Sets a business parameter (业务参数) after checking the value against that key's rule.</summary>
[UseCase]
public sealed class SetBusinessParameter(CrmDbContext db)
{
    public sealed record Request(string Key, string Value);

    public async Task<BusinessParameter> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator().NotBlank(request.Key, "key");
        if (!string.IsNullOrWhiteSpace(request.Key) && BusinessParameterRules.Violation(request.Key, request.Value) is { } violation)
            validator.Require(false, BusinessParameterRules.IsKnown(request.Key) ? "value" : "key", violation);
        validator.ThrowIfInvalid();

        var parameter = await db.BusinessParameters.FindAsync([request.Key], ct);
        if (parameter is null)
        {
            parameter = new BusinessParameter { Key = request.Key, Value = request.Value.Trim() };
            db.BusinessParameters.Add(parameter);
        }
        else parameter.Value = request.Value.Trim();
        await db.SaveChangesAsync(ct);
        return parameter;
    }

    /// <summary>The current value of a numeric parameter, checked by the same rule that guards setting it.</summary>
    public static async Task<decimal> ReadAsync(CrmDbContext db, string key, CancellationToken ct)
    {
        var parameter = await db.BusinessParameters.FindAsync([key], ct)
                        ?? throw new DomainException($"business parameter {key} is not set", key);
        return BusinessParameterRules.Parse(key, parameter.Value);
    }
}
