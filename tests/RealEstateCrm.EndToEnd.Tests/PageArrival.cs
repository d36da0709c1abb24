using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Waiting for the browser to show an address after a click that navigates.</summary>
public static class PageArrival
{
    /// <summary>Until the page's address matches <paramref name="addressPattern"/> (a regular expression), 30 s at most.
    /// Not <c>WaitForURLAsync</c>: it also waits for the page's load event, and now and then it missed that event and
    /// timed out with the page long loaded and the network idle. This asks the browser for the address until it matches;
    /// what a test reads next waits for its own element.</summary>
    public static Task ArriveAtAsync(this IPage page, string addressPattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(addressPattern), new() { Timeout = 30_000 });

    /// <summary>Until the page's address no longer matches <paramref name="addressPattern"/>, 30 s at most.</summary>
    public static Task LeaveAsync(this IPage page, string addressPattern) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(addressPattern), new() { Timeout = 30_000 });
}
