using System.Diagnostics;

namespace RealEstateCrm.Etl.Tests.Streaming;

/// <summary>Polls a condition until it holds or a bound passes: the test waits only as long as needed and
/// fails with a message, never with a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> Within(TimeSpan bound, Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > bound) Assert.Fail($"{what}: not within {bound.TotalSeconds:0.#} s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return watch.Elapsed;
    }
}
