namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>What an <see cref="IvrSession"/> asks the media side to do. Playback actions carry a sequence
/// number that comes back in <see cref="IvrSession.PromptFinishedAsync"/>, so a late "finished" for
/// playback the caller already interrupted is ignored.</summary>
public abstract record IvrAction;

/// <summary>Play these prompts in order (stopping whatever plays now).</summary>
public sealed record PlayPrompts(int Sequence, IReadOnlyList<string> Prompts) : IvrAction;

/// <summary>Read out the caller's open work orders after the intro prompts.</summary>
public sealed record AnnounceWorkOrders(int Sequence, IReadOnlyList<string> Prompts, IReadOnlyList<WorkOrderStatusLine> Orders) : IvrAction;

/// <summary>Record the caller after a tone, for at most <see cref="MaxDuration"/>; report it with <see cref="IvrSession.RecordingFinishedAsync"/>.</summary>
public sealed record RecordVoicemail(TimeSpan MaxDuration) : IvrAction;

/// <summary>The IVR is done: hand the call to this ACD queue.</summary>
public sealed record TransferToQueue(string Queue, string IvrPath) : IvrAction;

/// <summary>The IVR is done: hang up.</summary>
public sealed record HangUp(string IvrPath) : IvrAction;
