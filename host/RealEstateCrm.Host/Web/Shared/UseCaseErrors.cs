using Microsoft.AspNetCore.Mvc.ModelBinding;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>A use case's refusal shown where the user can act on it: each message on the form field its error names
/// (the forms name their inputs after the use cases' fields: "deposit", "discount-percent"), the rest above the form.
/// Every page turns refusals into messages here, whether it keeps them in its ModelState or in a form of its own.</summary>
public static class UseCaseErrors
{
    private static readonly Text T = new();

    public static bool IsRefusal(Exception error) => error is ValidationException or DomainException;

    /// <summary>The refusal's messages by the field they name ("" for none), in the request's language.</summary>
    public static IEnumerable<(string Field, string Message)> Messages(Exception error) => error switch
    {
        ValidationException invalid => invalid.Errors.Select(e => (e.Field, T.Of(e.Text))),
        DomainException refused => [(refused.Field ?? "", T.Of(refused.Text))],
        _ => throw new ArgumentException("not a use-case refusal", nameof(error), error),
    };

    public static void Show(this ModelStateDictionary state, Exception error)
    {
        foreach (var (field, message) in Messages(error)) state.AddModelError(field, message);
    }

    /// <summary>The messages on one field, or null.</summary>
    public static string? ErrorOf(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The messages on every field the form does not show an input for.</summary>
    public static IEnumerable<string> ErrorsBesides(this ModelStateDictionary state, params string[] shownFields) =>
        state.Where(kv => !shownFields.Contains(kv.Key)).SelectMany(kv => kv.Value!.Errors.Select(e => kv.Key is "" ? e.ErrorMessage : $"{kv.Key}: {e.ErrorMessage}"));
}
