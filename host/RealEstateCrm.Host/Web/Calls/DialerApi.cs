using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Marketing;
using RealEstateCrm.Telephony.CallCenter;
using CallDisposition = RealEstateCrm.Operational.Domain.Marketing.CallDisposition;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>Preview dialling for the agent desktop (policy calls), always for the signed-in user's own agent seat:
/// <c>GET /api/calls/next?list=</c> shows the next customer of a call list (<see cref="PreviewDialling"/>), <c>POST /api/calls/dial</c> (entryId) confirms
/// and places the call (the agent's phone rings first), <c>POST /api/calls/disposition</c> (callId, disposition, notes,
/// callBackAt) writes back how an answered call went, <c>GET /api/calls/awaiting</c> lists the user's answered calls, preview
/// or progressive, that still wait for it. POSTs carry the anti-forgery token in the RequestVerificationToken
/// header; an entry whose customer is outside the user's data scope is not found.</summary>
public static class DialerApi
{
    public static void MapDialerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/calls").RequireAuthorization(Functions.Calls);
        api.MapGet("/next", NextAsync);
        api.MapGet("/awaiting", AwaitingAsync);
        api.MapPost("/dial", DialAsync).DisableAntiforgery();
        api.MapPost("/disposition", DispositionAsync).DisableAntiforgery();
    }

    private static async Task<IResult> NextAsync(Guid list, CrmDbContext db, SignedInUser me, DialerDesks desks, PreviewDialling preview, CancellationToken ct)
    {
        if (await AgentNoAsync(db, me, ct) is not { } agentNo) return NoSeat();
        if (desks.CallCenter is null) return NoCallCenter();
        if (!await db.CallLists.AnyAsync(l => l.Id == list, ct)) return Results.NotFound();
        try
        {
            return await preview.NextAsync(list, agentNo, ct) is { } shown
                ? Results.Ok(new { entryId = shown.EntryId, customer = shown.Customer, phone = shown.Phone, rank = shown.Rank, score = shown.Score, reason = shown.Reason })
                : Results.NoContent();
        }
        catch (Exception e) when (e is DomainException or InvalidOperationException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> AwaitingAsync(CrmDbContext db, SignedInUser me, DialerDesks desks, CancellationToken ct)
    {
        if (await AgentNoAsync(db, me, ct) is not { } agentNo) return NoSeat();
        var calls = await desks.AwaitingDispositionAsync(agentNo, ct);
        return Results.Ok(calls.Select(r => new { callId = r.CallId, entryId = r.Target.EntryId, customer = r.Target.CustomerName, phone = me.Phone(r.Target.Phone) }));
    }

    private static async Task<IResult> DialAsync(HttpContext http, CrmDbContext db, SignedInUser me, DialerDesks desks, PreviewDialling preview, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await RefusedFormAsync(http, antiforgery) is { } refused) return refused;
        if (!Guid.TryParse(http.Request.Form["entryId"], out var entryId)) return Problem("entryId", "give the call list entry to dial");
        if (await AgentNoAsync(db, me, ct) is not { } agentNo) return NoSeat();
        if (desks.CallCenter is null) return NoCallCenter();
        try
        {
            return await preview.DialAsync(entryId, agentNo, ct) is { } request ? Results.Accepted(value: new { callId = request.CallId }) : Results.NotFound();
        }
        catch (Exception e) when (e is DomainException or InvalidOperationException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> DispositionAsync(HttpContext http, DialerDesks desks, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (await RefusedFormAsync(http, antiforgery) is { } refused) return refused;
        var form = http.Request.Form;
        var callId = form["callId"].ToString();
        if (!Enum.TryParse<DialDisposition>(form["disposition"], ignoreCase: true, out var disposition) || !Enum.IsDefined(disposition))
            return Problem("disposition", $"one of {string.Join(", ", Enum.GetNames<DialDisposition>())}");
        DateTimeOffset? callBackAt = null;
        if (form["callBackAt"] is { Count: > 0 } text && !string.IsNullOrWhiteSpace(text))
        {
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
                return Problem("callBackAt", "a time like 2026-10-08T10:00+08:00");
            callBackAt = at;
        }
        if (await desks.OfCallAsync(callId, ct) is null) return Results.NotFound();
        var notes = form["notes"].ToString() is { Length: > 0 } given ? given : null;
        try
        {
            // Checked before the desk lets go of the call: a refused disposition leaves it waiting for a corrected one.
            RecordCallDisposition.Check(new RecordCallDisposition.Request(Guid.Empty, Enum.Parse<CallDisposition>(disposition.ToString()), notes, callBackAt?.UtcDateTime),
                clock.GetUtcNow().UtcDateTime);
        }
        catch (ValidationException e)
        {
            // The use case's next action is this API's callBackAt.
            return Results.ValidationProblem(e.Errors.GroupBy(x => x.Field == "next-action-at" ? "callBackAt" : x.Field)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()));
        }
        return await desks.GiveDispositionAsync(callId, disposition, notes, callBackAt, ct) ? Results.NoContent() : Results.NotFound();
    }

    private static async Task<IResult?> RefusedFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType) return Problem("body", "send the fields as a form");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Problem("RequestVerificationToken", "the anti-forgery token is missing or wrong");
        }
    }

    private static async Task<string?> AgentNoAsync(CrmDbContext db, SignedInUser me, CancellationToken ct) =>
        await db.Agents.Where(a => a.UserId == me.Id).Select(a => a.AgentNo).FirstOrDefaultAsync(ct);

    private static IResult Problem(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult NoSeat() => Results.Problem("you have no agent seat to dial from", statusCode: StatusCodes.Status409Conflict);

    private static IResult NoCallCenter() => Results.Problem("this server runs no call center", statusCode: StatusCodes.Status503ServiceUnavailable);
}
