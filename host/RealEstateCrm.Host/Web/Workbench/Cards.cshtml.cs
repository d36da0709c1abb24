using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Workbench;

/// <summary>The administrator's page for the workbench layouts: per role, which cards show and in what order.</summary>
[Authorize(Policy = Functions.All)]
public sealed class CardsModel(CrmDbContext db, SetBusinessParameter set, Text text) : PageModel
{
    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Layouts { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? SavedRole { get; private set; }

    [BindProperty] public string Role { get; set; } = "";
    /// <summary>The codes ticked to show.</summary>
    [BindProperty] public List<string> Show { get; set; } = [];
    /// <summary>Each card's place; ties and blanks keep the catalogue's order.</summary>
    [BindProperty] public Dictionary<string, int?> Position { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Roles.AnyAsync(r => r.Code == Role, ct)) return NotFound();
        var unknown = Show.Where(code => WorkbenchCards.Find(code) is null).ToList();
        if (unknown.Count > 0) ModelState.AddModelError(nameof(Show), text["Unknown cards: {0}", string.Join(", ", unknown)]);
        else
        {
            var ordered = WorkbenchCards.All.Select((card, index) => (card.Code, index))
                .Where(c => Show.Contains(c.Code))
                .OrderBy(c => Position.GetValueOrDefault(c.Code) ?? int.MaxValue).ThenBy(c => c.index)
                .Select(c => c.Code);
            try
            {
                await WorkbenchLayouts.SaveAsync(set, Role, ordered, ct);
                SavedRole = Role;
            }
            catch (ValidationException e)
            {
                foreach (var (_, message) in UseCaseErrors.Messages(e)) ModelState.AddModelError(nameof(Show), message);
            }
        }
        await LoadAsync(ct);
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Roles = await db.Roles.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        Layouts = await WorkbenchLayouts.ForRolesAsync(db, Roles.Select(r => r.Code), ct);
    }
}
