using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>The user behind this request: who he is, what he may use, which data he may see (his
/// <see cref="DataScope"/>, read once per request so a moved user sees his new unit at once) and how
/// phone and ID numbers are shown to him. Pages and APIs filter through <see cref="ScopeAsync"/>; they never
/// trust an id from the browser to be in scope.</summary>
public sealed class SignedInUser(IHttpContextAccessor http, GetDataScope getScope, DataVersion version, KeptWhileUnchanged<string, DataScope> scopes)
{
    private DataScope? _scope;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public Guid Id => Grants.Id;
    public string UserName => Principal.Identity?.Name ?? "anonymous";
    public string DisplayName => Principal.FindFirstValue(CrmClaimsFactory.DisplayName) ?? UserName;
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public bool MayUse(string function) => Grants.Functions.Allow(function);

    private (ClaimsPrincipal Principal, Guid Id, HashSet<string> Functions)? _grants;

    /// <summary>The id and functions of the request's principal, read from its claims once: pages ask for them per card and
    /// per masked phone (a search page 50 times), and each claim look-up walked every claim. Read again should the
    /// principal change (a sign-in within the request).</summary>
    private (ClaimsPrincipal Principal, Guid Id, HashSet<string> Functions) Grants
    {
        get
        {
            var principal = Principal;
            if (_grants is { } grants && ReferenceEquals(grants.Principal, principal)) return grants;
            var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
            return (_grants = (principal, id, principal.GrantedFunctions())).Value;
        }
    }

    private string? _grantsKey;

    /// <summary>The user with his roles and functions in one string: the key of what is kept per user and what he is granted.</summary>
    public string GrantsKey => _grantsKey ??= $"{Id}:{string.Join(',', Roles.Order(StringComparer.Ordinal))}:" +
        string.Join(',', Principal.FindAll(CrmClaimsFactory.Function).Select(c => c.Value).Order(StringComparer.Ordinal));

    /// <summary>The functions come from the sign-in claims, as every <see cref="MayUse"/> check does; whether the user is
    /// still active and where he sits are read afresh whenever anything has been written since they were last read (the
    /// scope is kept per user and functions while the <see cref="DataVersion"/> holds: every page needs it).</summary>
    public async Task<DataScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        if (Id == Guid.Empty) return _scope = new DataScope(false, []);
        var functions = Principal.FindAll(CrmClaimsFactory.Function).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        return _scope = await scopes.GetAsync($"{Id}:{string.Join(',', functions)}", await version.CurrentAsync(ct),
            () => getScope.Handle(new GetDataScope.Request(Id, functions.ToHashSet(StringComparer.Ordinal)), ct));
    }

    /// <summary>A phone number as this user may see it: whole with customers.see-phone, else 138****8000.</summary>
    public string Phone(string? phone) => MayUse(Functions.CustomersSeePhone) ? phone ?? "" : ChinesePhone.Mask(phone);

    /// <summary>An ID number as this user may see it: whole with customers.see-id-number, else the region code and the
    /// check character only (110105**********1X stays recognisable to the customer on the phone).</summary>
    public string IdNumber(string? idNumber) =>
        idNumber is null ? "" : MayUse(Functions.CustomersSeeIdNumber) ? idNumber
        : idNumber.Length <= 8 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 8) + idNumber[^2..];
}
