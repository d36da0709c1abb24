using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An agent logs in by registering their phone: each check logs in the agents whose extension has a current
/// binding, and logs out the idle ones whose registration lapsed (a busy agent is logged out once free).</summary>
internal sealed class AgentRegistrationWatch : IAsyncDisposable
{
    private readonly SipRegistrar _registrar;
    private readonly CallDistributor _acd;
    private readonly IReadOnlyList<AgentProfile> _agents;
    private readonly HashSet<string> _loggedIn = [];
    private readonly ITimer _timer;
    private readonly object _gate = new();

    public AgentRegistrationWatch(SipRegistrar registrar, CallDistributor acd, IReadOnlyList<AgentProfile> agents, TimeSpan every, TimeProvider time)
    {
        _registrar = registrar;
        _acd = acd;
        _agents = agents;
        _timer = time.CreateTimer(_ => Check(), null, TimeSpan.Zero, every);
    }

    private void Check()
    {
        lock (_gate)
        {
            foreach (var agent in _agents)
            {
                var registered = _registrar.Lookup(agent.Extension).Count > 0;
                try
                {
                    if (registered && !_loggedIn.Contains(agent.AgentNo))
                    {
                        _acd.Login(agent, seat: agent.Extension);
                        _loggedIn.Add(agent.AgentNo);
                    }
                    else if (!registered && _loggedIn.Contains(agent.AgentNo) && _acd.Agent(agent.AgentNo).State is AgentState.Idle or AgentState.Paused or AgentState.WrapUp)
                    {
                        _acd.Logout(agent.AgentNo);
                        _loggedIn.Remove(agent.AgentNo);
                    }
                }
                catch (InvalidOperationException)
                {
                    // The agent's state moved between the check and the change (a call rang): the next check retries.
                }
            }
        }
    }

    public async ValueTask DisposeAsync() => await _timer.DisposeAsync();
}
