using System.Globalization;
using System.Text.RegularExpressions;

namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>The values each business parameter accepts. A key without a rule here is unknown: parameters
/// are read by code, so a misspelt key would be stored and silently never used.</summary>
public static partial class BusinessParameterRules
{
    // Meaning is a RefusalText so a refusal quoting it is translated with it (Web/Localization/Refusals.zh-CN.json).
    private sealed record Rule(decimal Min, decimal Max, bool WholeNumber, Common.RefusalText Meaning);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        [BusinessParameterKeys.MaxDiscountWithoutApproval] = new(0, 100, false, "a percent from 0 to 100"),
        [BusinessParameterKeys.ReservationHoldDays] = new(1, 90, true, "a whole number of days from 1 to 90"),
        [BusinessParameterKeys.MaxCallsPerCustomerPerWeek] = new(0, 50, true, "a whole number of calls from 0 to 50"),
        [BusinessParameterKeys.EscalateAfterSlaFraction] = new(0.05m, 1, false, "a fraction from 0.05 to 1"),
    };

    public static bool IsKnown(string key) => Rules.ContainsKey(key) || IsWorkbenchCards(key);

    /// <summary>Why <paramref name="value"/> is not acceptable for <paramref name="key"/>, or null when it is.</summary>
    public static Common.RefusalText? Violation(string key, string? value)
    {
        if (IsWorkbenchCards(key))
            return CardList().IsMatch(value ?? "") ? null : $"\"{value}\" is not a comma-separated list of card codes (lower-case words joined by hyphens)";
        if (!Rules.TryGetValue(key, out var rule)) return $"unknown parameter \"{key}\"; one of: {string.Join(", ", Rules.Keys)}";
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            || number < rule.Min || number > rule.Max || rule.WholeNumber && number != decimal.Truncate(number))
            return $"\"{value}\" is not {rule.Meaning}";
        return null;
    }

    /// <summary>A role's workbench cards ("workbench.cards.sales"): the web app's card codes in display order. Which codes
    /// exist is the web app's business; this only keeps the value a well-formed list (empty: the role sees no cards).</summary>
    private static bool IsWorkbenchCards(string key) =>
        key.StartsWith(BusinessParameterKeys.WorkbenchCardsPrefix, StringComparison.Ordinal) && key.Length > BusinessParameterKeys.WorkbenchCardsPrefix.Length;

    [GeneratedRegex("^([a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*)?$")]
    private static partial Regex CardList();

    public static decimal Parse(string key, string value) =>
        Violation(key, value) is { } violation
            ? throw new Common.DomainException($"business parameter {key}: {violation}", key)
            : decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
}
