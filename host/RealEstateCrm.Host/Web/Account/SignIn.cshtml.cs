using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Account;

/// <summary>Cookie sign-in with lockout: five wrong passwords in a row lock the account for fifteen minutes, and the
/// answer never says whether the user name exists.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<User> signIn, IOptions<IdentityOptions> identity, Text text) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Problem = result.IsLockedOut
            ? text["This account is locked after too many failed sign-ins. Try again in {0} minutes or ask an administrator.", identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes]
            : text["Wrong user name or password."];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
