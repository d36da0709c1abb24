using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Tests.Fixtures;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Organisation;

public sealed class BusinessParameterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_valid_value_is_stored_and_read_back(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context())
            await new SetBusinessParameter(db).Handle(new(BusinessParameterKeys.ReservationHoldDays, "14"), Ct);

        await using var read = test.Context();
        Assert.Equal(14m, await SetBusinessParameter.ReadAsync(read, BusinessParameterKeys.ReservationHoldDays, Ct));
        Assert.Equal(3m, await SetBusinessParameter.ReadAsync(read, BusinessParameterKeys.MaxDiscountWithoutApproval, Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Each_key_refuses_values_outside_its_rule_and_unknown_keys_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        foreach (var (key, value) in new[]
                 {
                     (BusinessParameterKeys.ReservationHoldDays, "2.5"), (BusinessParameterKeys.ReservationHoldDays, "0"),
                     (BusinessParameterKeys.MaxDiscountWithoutApproval, "101"), (BusinessParameterKeys.MaxDiscountWithoutApproval, "三"),
                     (BusinessParameterKeys.EscalateAfterSlaFraction, "1.5"), (BusinessParameterKeys.MaxCallsPerCustomerPerWeek, "-1"),
                 })
        {
            var error = await test.AssertRefused<ValidationException>(db => new SetBusinessParameter(db).Handle(new(key, value), Ct));
            Assert.Equal("value", Assert.Single(error.Errors).Field);
        }
        var unknown = await test.AssertRefused<ValidationException>(db => new SetBusinessParameter(db).Handle(new("sales.max-discount", "5"), Ct));
        Assert.Equal("key", Assert.Single(unknown.Errors).Field);
    }
}
