using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The seats of the call center this process runs, as the desktop drives them; <see cref="Running"/> is false
/// when <c>crm serve</c> runs no SIP here, and the desktop says so instead of offering buttons that cannot work.</summary>
public sealed class AgentSeats(IServiceProvider services)
{
    private readonly CallCenterSwitch? _switch = services.GetService<CallCenterSwitch>();

    public bool Running => _switch is not null;

    private CallDistributor Acd => (_switch ?? throw new InvalidOperationException("no call center runs in this process")).Distributor;

    /// <summary>The agent's seat as the distributor has it; a seat that never logged in is logged out.</summary>
    public SeatState State(string agentNo)
    {
        if (_switch is null) return new SeatState(AgentState.LoggedOut, null, null, null, null);
        try
        {
            var seat = Acd.Agent(agentNo);
            return new SeatState(seat.State, seat.StateSince, seat.Seat, seat.PauseReason, seat.CallId);
        }
        catch (ArgumentException)
        {
            return new SeatState(AgentState.LoggedOut, null, null, null, null);
        }
    }

    public void Login(AgentProfile profile, string seat) => Acd.Login(profile, seat);
    public void Pause(string agentNo, string reason) => Acd.Pause(agentNo, reason);
    public void Resume(string agentNo) => Acd.Resume(agentNo);
    public void FinishWrapUp(string agentNo) => Acd.FinishWrapUp(agentNo);
    public void Logout(string agentNo) => Acd.Logout(agentNo);

    /// <summary>Live figures of every queue, for the desktop's corner.</summary>
    public IReadOnlyList<QueueStatistics> Queues() =>
        _switch is null ? [] : [.. Acd.Queues.Select(q => Acd.Statistics(q.Name))];
}

/// <param name="Since">When the seat entered <paramref name="State"/>; null for a seat that never logged in.</param>
public sealed record SeatState(AgentState State, DateTimeOffset? Since, string? Seat, string? PauseReason, string? CallId);
