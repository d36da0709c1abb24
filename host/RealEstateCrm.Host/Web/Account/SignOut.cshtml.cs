using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Account;

/// <summary>Sign-out is a POST with the anti-forgery token, so another site cannot sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
