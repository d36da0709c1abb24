using Microsoft.AspNetCore.Mvc.RazorPages;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>What the service pages share: a page holds several small forms (one per action), so a refusal is shown in
/// the form whose action failed, each message at the field the use case names, and the rest at the form's head.</summary>
public abstract class ServicePage : PageModel
{
    /// <summary>The action (form) whose use case refused the last post; null when nothing failed.</summary>
    public string? Failed { get; private set; }

    /// <summary>Runs one use case; a <see cref="ValidationException"/> or <see cref="DomainException"/> becomes model
    /// errors under the fields they name and a 400 answer. Nothing is written then: the use cases save once, at the end.</summary>
    protected async Task<bool> RunAsync(string action, Func<Task> useCase)
    {
        try
        {
            await useCase();
            return true;
        }
        catch (Exception refused) when (UseCaseErrors.IsRefusal(refused))
        {
            ModelState.Show(refused);
        }
        Failed = action;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    /// <summary>The messages for <paramref name="field"/> when <paramref name="action"/> failed, else null.</summary>
    public string? ErrorAt(string action, string field) =>
        Failed == action && ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join("; ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    /// <summary>The messages of a failed <paramref name="action"/> that name none of its form's <paramref name="fields"/>
    /// (a refused status change, an order in another topic): shown at the head of that form.</summary>
    public IReadOnlyList<string> OtherErrors(string action, params string[] fields) =>
        Failed != action ? [] : ModelState.Where(m => !fields.Contains(m.Key)).SelectMany(m => m.Value!.Errors.Select(e => e.ErrorMessage)).ToList();
}
