using Microsoft.AspNetCore.Authorization;
using RealEstateCrm.Host.Web.Auth;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The menu entries the signed-in user may open (<see cref="Navigation.Items"/>). The layout shows them on every
/// page, and three of them ask a policy that reads the supervisor standing: the list is kept per user, roles and functions
/// while the database is unchanged (<see cref="DataVersion"/>), so an appointed or removed supervisor sees his menu change
/// at the next page, as before.</summary>
public sealed class MenuItems(SignedInUser me, IAuthorizationService authorization, DataVersion version,
    KeptWhileUnchanged<string, IReadOnlyList<Navigation.Item>> kept)
{
    public async Task<IReadOnlyList<Navigation.Item>> ForMeAsync(CancellationToken ct = default) =>
        await kept.GetAsync(me.GrantsKey, await version.CurrentAsync(ct), async () =>
        {
            var items = new List<Navigation.Item>();
            foreach (var item in Navigation.Items.Where(i => i.Function is null || me.MayUse(i.Function)))
                if (item.Policy is null || (await authorization.AuthorizeAsync(me.Principal, item.Policy)).Succeeded) items.Add(item);
            return items;
        });
}
