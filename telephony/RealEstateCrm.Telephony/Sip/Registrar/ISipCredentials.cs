namespace RealEstateCrm.Telephony.Sip.Registrar;

/// <summary>The port through which the registrar learns who may register: the host wires it to the agents.</summary>
public interface ISipCredentials
{
    /// <summary>The password of <paramref name="user"/> in <paramref name="realm"/>, or null for an unknown user.</summary>
    ValueTask<string?> FindPasswordAsync(string user, string realm, CancellationToken cancellationToken);
}
