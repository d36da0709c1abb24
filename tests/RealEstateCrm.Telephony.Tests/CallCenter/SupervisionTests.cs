using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class SupervisionTests
{
    private readonly CallCenterWorld _world = new();

    private SupervisionBoard Board() => new(SupervisionPolicy.Default, _world.Clock);

    [Fact]
    public void A_supervisor_listens_and_whispers_in_their_own_department_only()
    {
        var board = Board();
        var lead = new Supervisor("zhang.lead", ["agent"], IsSupervisor: true, Department: "CC1");

        var listening = board.Join(lead, "c1", "A001", "CC1", SupervisionMode.Listen);
        var whispering = board.Join(lead, "c1", "A001", "CC1", SupervisionMode.Whisper);
        var elsewhere = Assert.Throws<UnauthorizedAccessException>(() => board.Join(lead, "c2", "A002", "CC2", SupervisionMode.Listen));
        var barge = Assert.Throws<UnauthorizedAccessException>(() => board.Join(lead, "c1", "A001", "CC1", SupervisionMode.Barge));

        Assert.False(listening.AgentHearsSupervisor);
        Assert.True(whispering.AgentHearsSupervisor && !whispering.CallerHearsSupervisor);
        Assert.Equal([SupervisionMode.Whisper], board.On("c1").Select(s => s.Mode));
        Assert.Equal("zhang.lead supervises department CC1, not the agent's department CC2", elsewhere.Message);
        Assert.Equal("zhang.lead may not barge on calls (roles: agent, supervisor)", barge.Message);
    }

    [Fact]
    public void A_plain_agent_may_not_listen_and_a_manager_may_anywhere()
    {
        var board = Board();

        Assert.Throws<UnauthorizedAccessException>(() => board.Join(new Supervisor("li.agent", ["agent"], false, "CC1"), "c1", "A001", "CC1", SupervisionMode.Listen));
        board.Join(new Supervisor("wang.manager", ["manager"], false, "HQ"), "c1", "A001", "CC1", SupervisionMode.Listen);
        board.Join(new Supervisor("root", ["admin"], false, null), "c1", "A001", "CC1", SupervisionMode.Barge);

        Assert.Equal(2, board.CallEnded("c1").Count);
        Assert.Empty(board.On("c1"));
    }
}
