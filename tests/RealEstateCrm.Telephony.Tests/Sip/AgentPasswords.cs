using RealEstateCrm.Telephony.Sip.Registrar;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>The credentials port filled from a fixed list, as the host fills it from the agents.</summary>
internal sealed class AgentPasswords(params (string User, string Password)[] agents) : ISipCredentials
{
    public ValueTask<string?> FindPasswordAsync(string user, string realm, CancellationToken cancellationToken) =>
        ValueTask.FromResult(agents.Where(a => a.User == user).Select(a => a.Password).FirstOrDefault());
}
