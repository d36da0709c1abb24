namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Who may supervise live calls and how: 监听 listen (hear both sides), whisper (speak to the agent only),
/// barge (speak to both). Granted per role; a role without <see cref="AllDepartments"/> supervises only agents of the
/// supervisor's own department.</summary>
public sealed record SupervisionPolicy(IReadOnlyDictionary<string, IReadOnlySet<SupervisionMode>> ModesByRole, IReadOnlySet<string> AllDepartments)
{
    /// <summary>admin: everything everywhere; manager: listen and whisper everywhere; a supervisor (the user flag): listen
    /// and whisper in their own department; agents and others: nothing.</summary>
    public static SupervisionPolicy Default { get; } = new(
        new Dictionary<string, IReadOnlySet<SupervisionMode>>(StringComparer.Ordinal)
        {
            ["admin"] = new HashSet<SupervisionMode> { SupervisionMode.Listen, SupervisionMode.Whisper, SupervisionMode.Barge },
            ["manager"] = new HashSet<SupervisionMode> { SupervisionMode.Listen, SupervisionMode.Whisper },
            [Supervisor.SupervisorRole] = new HashSet<SupervisionMode> { SupervisionMode.Listen, SupervisionMode.Whisper },
        },
        new HashSet<string>(["admin", "manager"], StringComparer.Ordinal));

    /// <summary>Null when allowed, else why not.</summary>
    public string? Refusal(Supervisor who, SupervisionMode mode, string? agentDepartment)
    {
        var roles = who.EffectiveRoles().ToList();
        var granting = roles.Where(r => ModesByRole.TryGetValue(r, out var modes) && modes.Contains(mode)).ToList();
        if (granting.Count == 0) return $"{who.UserName} may not {mode.ToString().ToLowerInvariant()} on calls (roles: {string.Join(", ", roles)})";
        if (granting.Any(AllDepartments.Contains) || (agentDepartment is not null && agentDepartment == who.Department)) return null;
        return $"{who.UserName} supervises department {who.Department ?? "(none)"}, not the agent's department {agentDepartment ?? "(none)"}";
    }
}

public enum SupervisionMode { Listen, Whisper, Barge }

/// <summary>A user who asks to supervise: their roles, whether they carry the supervisor flag, and their department.</summary>
public sealed record Supervisor(string UserName, IReadOnlyCollection<string> Roles, bool IsSupervisor, string? Department)
{
    /// <summary>The pseudo-role the supervisor flag grants in a <see cref="SupervisionPolicy"/>.</summary>
    public const string SupervisorRole = "supervisor";

    public IEnumerable<string> EffectiveRoles() => IsSupervisor ? Roles.Append(SupervisorRole) : Roles;
}
