using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>Live calls for call supervisors: who talks to whom and since when, and listen-in (监听) or whisper, which
/// rings the supervisor's own desk phone (the extension of their agent seat) and joins it to the call once answered.
/// The switch's <see cref="SupervisionPolicy"/> decides per call whether this supervisor may.</summary>
[Authorize(Policy = CallSupervisors.LiveCallWatchers)]
public sealed class LiveModel(CrmDbContext db, CallSupervisors supervisors, SignedInUser me, Text text, CallCenterSwitch? callCenter = null) : PageModel
{
    public IReadOnlyList<LiveCall> Calls { get; private set; } = [];
    /// <summary>The supervisor's phone, or null when they have no agent seat (nothing to ring).</summary>
    public string? MyPhone { get; private set; }
    public bool Serving => callCenter is not null;
    [TempData] public string? Notice { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostListenAsync(string callId, CancellationToken ct) => SuperviseAsync(callId, SupervisionMode.Listen, ct);

    public Task<IActionResult> OnPostWhisperAsync(string callId, CancellationToken ct) => SuperviseAsync(callId, SupervisionMode.Whisper, ct);

    private async Task<IActionResult> SuperviseAsync(string callId, SupervisionMode mode, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (callCenter is null || Calls.All(c => c.CallId != callId)) return NotFound();
        if (MyPhone is null) return Refuse(StatusCodes.Status409Conflict, text["You have no agent seat with a phone to ring."]);
        try
        {
            callCenter.Supervise(await supervisors.MeAsync(ct), MyPhone, callId, mode);
        }
        catch (UnauthorizedAccessException e)
        {
            return Refuse(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (ArgumentException)
        {
            return NotFound();
        }
        catch (InvalidOperationException e)
        {
            return Refuse(StatusCodes.Status409Conflict, e.Message);
        }
        Notice = text["Your phone {0} is ringing: answer it to join the call.", MyPhone];
        return RedirectToPage();
    }

    private IActionResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = callCenter?.LiveCalls ?? [];
        MyPhone = await db.Agents.Where(a => a.UserId == me.Id).Select(a => a.Extension).FirstOrDefaultAsync(ct);
    }
}
