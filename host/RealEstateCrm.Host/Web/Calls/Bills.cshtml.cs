using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>计费: the month's outbound calls rated by the tariff, per agent and department, as <c>crm calls bill</c> builds
/// it, on screen and as the same CSV. Report readers see every department; a call supervisor sees their own.</summary>
[Authorize(Policy = CallSupervisors.BillReaders)]
public sealed class BillsModel(OutboundCallsForBilling outboundCalls, CallSupervisors supervisors, SignedInUser me, TimeProvider clock, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public MonthlyBill? Bill { get; private set; }
    /// <summary>The one department shown, when the user may see only their own.</summary>
    public string? OnlyDepartment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return BadRequest(ModelState[nameof(Month)]!.Errors[0].ErrorMessage);
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        Bill!.WriteCsv(csv);
        // With the byte-order mark, as the CLI writes it: Excel then opens the Chinese names as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"call-bill-{Bill.Month}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Month = string.IsNullOrWhiteSpace(Month) ? OutboundCallsForBilling.MonthOf(clock.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        DateOnly first;
        try
        {
            first = OutboundCallsForBilling.ParseMonth(Month);
        }
        catch (ArgumentException)
        {
            ModelState.AddModelError(nameof(Month), text["\"{0}\" is not a month like 2026-10.", Month]);
            return false;
        }
        IEnumerable<BilledCall> calls = await outboundCalls.Handle(first, ct);
        if (!me.MayUse(Functions.Reports))
        {
            OnlyDepartment = (await supervisors.MeAsync(ct)).Department ?? "";
            calls = calls.Where(c => c.Department == OnlyDepartment);
        }
        Bill = MonthlyBill.Build(Month, calls, TariffCsv.Default());
        return true;
    }
}
