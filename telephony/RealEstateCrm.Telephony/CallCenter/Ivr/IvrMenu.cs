namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An IVR menu tree (自助语音), loaded from JSON by <see cref="IvrMenuLoader"/> so it is edited without code.
/// Nodes refer to each other by id; the loader has checked that every reference resolves.</summary>
public sealed record IvrMenu(string Start, IReadOnlyDictionary<string, IvrNode> Nodes)
{
    public IvrNode this[string id] => Nodes[id];
}

/// <summary>One node of the tree. Prompts are prompt names the media side turns into audio files.</summary>
public abstract record IvrNode(string Id, IReadOnlyList<string> Prompts);

/// <summary>Plays its prompts (a greeting, the project introduction, the payment guide...) and goes on.</summary>
public sealed record IvrAnnouncement(string Id, IReadOnlyList<string> Prompts, string Next) : IvrNode(Id, Prompts);

/// <summary>Plays its prompts and waits for one key. A wrong key or silence counts as a retry; past
/// <see cref="MaxRetries"/> the call goes to <see cref="OnFailure"/>.</summary>
public sealed record IvrChoice(
    string Id, IReadOnlyList<string> Prompts, IReadOnlyDictionary<char, string> Options, TimeSpan Timeout, int MaxRetries,
    string? InvalidPrompt, string OnFailure) : IvrNode(Id, Prompts);

/// <summary>Reads the caller's own open work orders (found by caller ID) and goes on.</summary>
public sealed record IvrWorkOrderStatus(string Id, IReadOnlyList<string> Prompts, string NonePrompt, string Next) : IvrNode(Id, Prompts);

/// <summary>Plays its prompts, then records a message of at most <see cref="MaxDuration"/>.</summary>
public sealed record IvrVoicemail(string Id, IReadOnlyList<string> Prompts, TimeSpan MaxDuration, bool IsComplaint, string Next) : IvrNode(Id, Prompts);

/// <summary>Plays its prompts and hands the call to an ACD queue; the IVR is done.</summary>
public sealed record IvrQueue(string Id, IReadOnlyList<string> Prompts, string Queue) : IvrNode(Id, Prompts);

/// <summary>Plays its prompts and hangs up.</summary>
public sealed record IvrHangup(string Id, IReadOnlyList<string> Prompts) : IvrNode(Id, Prompts);
