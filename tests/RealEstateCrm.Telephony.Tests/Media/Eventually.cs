namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>Waits for something the network delivers asynchronously, failing with a timeout rather than hanging.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException($"condition not met within {timeoutMs} ms");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
