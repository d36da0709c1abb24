using Microsoft.AspNetCore.Mvc.ModelBinding;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>A use case's refusal shown where the user can act on it: each message on the form field its error names
/// (the forms name their inputs after the use cases' fields: "deposit", "discount-percent"), the rest above the form.</summary>
public static class UseCaseErrors
{
    public static bool IsRefusal(Exception error) => error is ValidationException or DomainException;

    public static void Show(this ModelStateDictionary state, Exception error)
    {
        switch (error)
        {
            case ValidationException invalid:
                foreach (var e in invalid.Errors) state.AddModelError(e.Field, e.Message);
                break;
            case DomainException refused:
                state.AddModelError(refused.Field ?? "", refused.Message);
                break;
            default:
                throw new ArgumentException("not a use-case refusal", nameof(error), error);
        }
    }

    /// <summary>The messages on one field, or null.</summary>
    public static string? ErrorOf(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The messages on every field the form does not show an input for.</summary>
    public static IEnumerable<string> ErrorsBesides(this ModelStateDictionary state, params string[] shownFields) =>
        state.Where(kv => !shownFields.Contains(kv.Key)).SelectMany(kv => kv.Value!.Errors.Select(e => kv.Key is "" ? e.ErrorMessage : $"{kv.Key}: {e.ErrorMessage}"));
}
