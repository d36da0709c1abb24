using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Creates a day's call list ranked by score, best first. Customers flagged do-not-call are left
/// off and reported: nobody should be handed a number they must not ring.</summary>
[UseCase]
public sealed class CreateCallList(CrmDbContext db, TimeProvider clock)
{
    public sealed record NewEntry(Guid CustomerId, double Score, string? Reason = null, int? BestHour = null, Guid? LeadId = null);

    public sealed record Request(string Name, CallListKind Kind, DateOnly ForDate, IReadOnlyList<NewEntry> Entries, Guid? OwnerUserId = null, Guid? CampaignId = null);

    public sealed record Result(CallList List, IReadOnlyList<string> SkippedDoNotCall);

    public async Task<Result> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Name, "name")
            .Require(Enum.IsDefined(request.Kind), "kind", $"must be one of {string.Join(", ", Enum.GetNames<CallListKind>())}")
            .Require(request.Entries.Count > 0, "entries", "at least one entry is required")
            .Require(request.Entries.Select(e => e.CustomerId).Distinct().Count() == request.Entries.Count, "entries", "a customer is listed twice")
            .Require(await db.Users.ExistsOrAbsent(request.OwnerUserId, ct), "owner", Lookups.NotFoundMessage<User>(request.OwnerUserId))
            .Require(await db.Campaigns.ExistsOrAbsent(request.CampaignId, ct), "campaign", Lookups.NotFoundMessage<Campaign>(request.CampaignId));
        for (var i = 0; i < request.Entries.Count; i++)
        {
            validator.Require(double.IsFinite(request.Entries[i].Score), $"entries[{i + 1}].score", "must be a number")
                .Require(request.Entries[i].BestHour is null or (>= 0 and <= 23), $"entries[{i + 1}].best-hour", "must be an hour from 0 to 23")
                .Require(request.Entries[i].Reason is null || request.Entries[i].Reason!.Length <= 500, $"entries[{i + 1}].reason", "is longer than 500 characters");
        }
        var ids = request.Entries.Select(e => e.CustomerId).ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var missing in ids.Where(id => !customers.ContainsKey(id)))
            validator.Require(false, "entries", Lookups.NotFoundMessage<Customer>(missing));
        validator.ThrowIfInvalid();

        var list = new CallList
        {
            Name = request.Name.Trim(), Kind = request.Kind, ForDate = request.ForDate,
            OwnerUserId = request.OwnerUserId, CampaignId = request.CampaignId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var callable = request.Entries.Where(e => !customers[e.CustomerId].DoNotCall)
            .OrderByDescending(e => e.Score).ThenBy(e => customers[e.CustomerId].Code, StringComparer.Ordinal).ToList();
        list.Entries.AddRange(callable.Select((e, i) => new CallListEntry
        {
            CallListId = list.Id, Rank = i + 1, CustomerId = e.CustomerId, LeadId = e.LeadId, Score = e.Score, Reason = e.Reason, BestHour = e.BestHour,
        }));
        db.CallLists.Add(list);
        await db.SaveChangesAsync(ct);
        var skipped = request.Entries.Select(e => customers[e.CustomerId]).Where(c => c.DoNotCall).Select(c => $"{c.Code} {c.Name}").ToList();
        return new Result(list, skipped);
    }
}
