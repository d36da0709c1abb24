using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>自动外呼: a supervisor starts a progressive run on a call list in his scope for the agents of one skill, watches
/// its figures (refreshed by <c>wwwroot/js/dialer-runs.js</c> from <c>?handler=Figures</c>) and stops it. Start and stop
/// are use cases, audited as the user; <see cref="ProgressiveDialing"/> does the dialling.</summary>
[Authorize(Policy = CallSupervisors.DialerRunners)]
public sealed class DialerModel(CrmDbContext db, DialerRunBoard board, StartDialerRun start, StopDialerRun stop, SignedInUser me, Text text,
    CallCenterSwitch? callCenter = null) : PageModel
{
    public IReadOnlyList<DialerRunBoard.ListChoice> Lists { get; private set; } = [];
    public IReadOnlyList<string> Skills { get; private set; } = [];
    public IReadOnlyList<DialerRunBoard.RunView> Runs { get; private set; } = [];
    /// <summary>Null when calls can go out; else why not.</summary>
    public string? CannotDial { get; private set; }
    [BindProperty] public Guid? List { get; set; }
    [BindProperty] public string? Skill { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetFiguresAsync(CancellationToken ct)
    {
        var runs = await board.RunsAsync(await me.ScopeAsync(ct), ct);
        return new JsonResult(runs.Select(r => new { id = r.Id, running = r.Running, completed = r.Completed, figures = r.Figures }));
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        if (List is not { } listId || !await board.VisibleLists(scope).AnyAsync(l => l.Id == listId, ct))
            ModelState.AddModelError("list", text["Choose a call list."]);
        else
        {
            try
            {
                await start.Handle(new StartDialerRun.Request(listId, Skill ?? "", me.Id), ct);
                Notice = text["The run has started: idle agents with the skill get calls within a second."];
                return RedirectToPage();
            }
            catch (Exception e) when (UseCaseErrors.IsRefusal(e))
            {
                ModelState.Show(e);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(Guid run, CancellationToken ct)
    {
        var lists = board.VisibleLists(await me.ScopeAsync(ct)).Select(l => l.Id);
        if (!await db.DialerRuns.AnyAsync(r => r.Id == run && lists.Contains(r.CallListId), ct)) return NotFound();
        try
        {
            await stop.Handle(new StopDialerRun.Request(run, me.Id), ct);
            Notice = text["The run has stopped: calls still on finish and are written back."];
            return RedirectToPage();
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e))
        {
            ModelState.Show(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        Lists = await board.ListsAsync(scope, ct);
        Skills = await board.SkillsAsync(ct);
        Runs = await board.RunsAsync(scope, ct);
        CannotDial = callCenter is null ? text["This server runs no call center."]
            : !callCenter.DialsOut ? text["No outbound trunk is set up (Telephony:OutboundTrunk): runs place no calls."] : null;
    }
}
