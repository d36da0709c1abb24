using System.Globalization;
using System.Text.RegularExpressions;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Media;
using RealEstateCrm.Telephony.Tests.Sip.Peers;

namespace RealEstateCrm.Telephony.Tests.B2bua;

/// <summary>A sipp caller goes through the IVR to the queue and is answered by baresip registered as an agent.</summary>
public sealed partial class BaresipAgentTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-baresip-").FullName;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_queued_call_is_answered_by_a_baresip_agent_bridged_recorded_and_its_CDR_matches_what_sipp_measured()
    {
        if (Environment.UserName != "root") ExternalTool.Missing("root (sipp plays RTP captures only as root)");
        await using var bed = await CallCenterTestBed.StartAsync();
        await using var phone = Baresip.Start(bed.Switch.SipEndPoint, "8001", InProcessPorts.Password);
        await bed.AgentReadyAsync("A1", phone);

        var scenario = new CallerScenario().Pause(1000).Digit('0').Pause(4000).Write(_folder, callerHangsUp: true);
        await using var caller = Sipp.Start(scenario, bed.Switch.SipEndPoint, "-s", InProcessPorts.KnownCaller, "-key", "callee", "4008");
        await caller.AssertSucceedsAsync();

        var pop = await bed.Switch.ScreenPops.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var callerLeg = await bed.Ports.NextCdrAsync();
        var agentLeg = await bed.Ports.NextCdrAsync();
        Assert.Equal(("A1", InProcessPorts.KnownCustomer), (pop.AgentNo, pop.ScreenPop));
        Assert.Equal((CallDisposition.Answered, "A1", "0", "service"), (callerLeg.Disposition, callerLeg.AgentNo, callerLeg.IvrPath, callerLeg.Queue));
        Assert.Equal((CallDisposition.Answered, callerLeg.CallId), (agentLeg.Disposition, agentLeg.ParentCallId));

        var log = caller.MessageLog;
        AssertClose(SentAt(log, "INVITE"), callerLeg.StartedAt, "call start");
        AssertClose(SentAt(log, "BYE"), callerLeg.EndedAt, "call end");
        Assert.InRange(callerLeg.TalkSeconds, 2, 5);

        await WaitForFileAsync(callerLeg.RecordingFile!);
        var recording = WavFile.Read(callerLeg.RecordingFile!);
        Assert.Equal(2, recording.Channels);
        Assert.True(recording.Duration > TimeSpan.FromSeconds(2), $"recording of {recording.Duration}");
        // The agent's side (right) carries baresip's 440 Hz tone: its audio crossed our bridge.
        var agentSide = recording.ChannelSamples(1);
        Assert.True(AudioMath.ToneLevel(agentSide, 440) > 10 * AudioMath.ToneLevel(agentSide, 1000), phone.Output);
    }

    private static void AssertClose(DateTimeOffset sipp, DateTimeOffset cdr, string what) =>
        Assert.True(Math.Abs((sipp - cdr).TotalMilliseconds) <= 100, $"{what}: sipp {sipp:HH:mm:ss.fff}, CDR {cdr:HH:mm:ss.fff}");

    /// <summary>When sipp sent the first request of this method, from its message trace (local wall-clock time).</summary>
    private static DateTimeOffset SentAt(string log, string method)
    {
        var match = Regex.Match(log, $@"-+ (\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\r?\nUDP message sent[^\n]*\n\s*{method} ");
        Assert.True(match.Success, $"no {method} sent in sipp's trace");
        return new DateTimeOffset(DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal));
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 50 && !File.Exists(path); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(File.Exists(path), $"recording {path} was not written");
    }
}
