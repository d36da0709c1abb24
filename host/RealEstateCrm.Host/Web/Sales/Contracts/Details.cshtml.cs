using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Sales;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Sales.Contracts;

/// <summary>A contract's payment plan (付款计划): each due amount, what was paid against it, and money received (收款)
/// recorded against one item at a time.</summary>
[Authorize(Policy = Functions.SalesRead)]
public sealed class DetailsModel(CrmDbContext db, SignedInUser me, RecordPayment record, Text text) : PageModel
{
    public Contract Contract { get; private set; } = null!;
    public Unit Unit { get; private set; } = null!;
    public Customer Customer { get; private set; } = null!;
    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    [BindProperty(Name = "item")] public Guid? Item { get; set; }
    [BindProperty(Name = "amount")] public decimal? Amount { get; set; }
    [BindProperty(Name = "channel")] public PaymentChannel Channel { get; set; } = PaymentChannel.BankTransfer;
    [BindProperty(Name = "receipt-no")] public string? ReceiptNo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!me.MayUse(Functions.SalesWrite)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        // The item id comes from the browser: only this (visible) contract's items may be paid here.
        if (Contract.Schedule.All(i => i.Id != Item)) return NotFound();
        if (Amount is null && ModelState.ErrorOf("amount") is null) ModelState.AddModelError("amount", text["is required"]);
        if (ModelState.IsValid)
        {
            try
            {
                await record.Handle(new RecordPayment.Request(Item!.Value, Amount!.Value, Channel, string.IsNullOrWhiteSpace(ReceiptNo) ? null : ReceiptNo.Trim()), ct);
                return Redirect($"/Sales/Contracts/{id}");
            }
            catch (Exception e) when (UseCaseErrors.IsRefusal(e))
            {
                ModelState.Show(e);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var contract = await db.VisibleContracts(scope).AsNoTracking().Include(c => c.Schedule).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null) return false;
        contract.Schedule.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        Contract = contract;
        Unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == contract.UnitId, ct);
        Customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == contract.CustomerId, ct);
        Payments = await db.Payments.AsNoTracking().Where(p => p.ContractId == id).OrderBy(p => p.PaidAt).ToListAsync(ct);
        return true;
    }
}
