using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Host.Web.Customers;

/// <summary>The 360's reads whose shape does not change with the user's data scope (the customer's own calls, return
/// visits and receptions), compiled once: as LINQ each request built, funcletized and looked up its expression tree again.
/// The scoped reads stay LINQ, since <c>Visible*</c> gives each scope a different query.</summary>
internal static class Customer360Queries
{
    public sealed record ReturnVisitLine(DateTime VisitedAt, bool Satisfied, string? ByUser);

    public sealed record ReceptionLine(DateTime ReceivedAt, ReceptionChannel Channel, string Summary);

    public static readonly Func<CrmDbContext, Guid, IAsyncEnumerable<Customer360.CallLine>> RecentCalls =
        EF.CompileAsyncQuery((CrmDbContext db, Guid id) =>
            db.CallRecords.Where(c => c.CustomerId == id && c.ParentId == null).OrderByDescending(c => c.StartedAt).Take(Customer360.TimelineRows)
                .Select(c => new Customer360.CallLine(c.StartedAt, c.Direction, c.Outcome, c.Queue, c.TalkSeconds)));

    public static readonly Func<CrmDbContext, Guid, IAsyncEnumerable<ReturnVisitLine>> ReturnVisits =
        EF.CompileAsyncQuery((CrmDbContext db, Guid id) =>
            db.ReturnVisits.Where(r => r.CustomerId == id).Select(r => new ReturnVisitLine(r.VisitedAt, r.Satisfied, r.ByUser)));

    public static readonly Func<CrmDbContext, Guid, IAsyncEnumerable<ReceptionLine>> RecentReceptions =
        EF.CompileAsyncQuery((CrmDbContext db, Guid id) =>
            db.ReceptionRecords.Where(r => r.CustomerId == id).OrderByDescending(r => r.ReceivedAt).Take(Customer360.TimelineRows)
                .Select(r => new ReceptionLine(r.ReceivedAt, r.Channel, r.Summary)));
}
